# Setup of the examples of docs/cmdlets/Set-LibratoAnnotationStream.md.
@{
    1 = { New-ExampleAnnotations }
    # The examples below show no output: their entries show that they print nothing.
    2 = { foreach ($name in 'payments.api', 'payments.web') { $null = New-LibratoAnnotation $name 'Deploy' -StartTime $ExampleNow.AddHours(-1).LocalDateTime } }
}
