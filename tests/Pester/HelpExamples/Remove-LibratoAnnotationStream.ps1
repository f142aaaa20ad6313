# Setup of the examples of docs/cmdlets/Remove-LibratoAnnotationStream.md.
@{
    2 = @{
        Setup   = {
            New-ExampleAnnotations
            $null = New-LibratoAnnotation loadtest.run1 'Load test 1' -StartTime $ExampleNow.AddHours(-3).LocalDateTime -EndTime $ExampleNow.AddHours(-2).LocalDateTime
            $null = New-LibratoAnnotation loadtest.run2 'Load test 2' -StartTime $ExampleNow.AddHours(-1).LocalDateTime -EndTime $ExampleNow.AddMinutes(-10).LocalDateTime
        }
        Answers = 'A'
    }
    # The examples below show no output: their entries show that they print nothing.
    1 = { $null = New-LibratoAnnotation testing foobarbiz }
}
