# Setup of the examples of docs/cmdlets/Get-LibratoAnnotationStream.md.
@{
    1 = { New-ExampleAnnotations }
    2 = { New-ExampleAnnotations }
    3 = { New-ExampleAnnotations }
    4 = {
        New-ExampleAnnotations
        foreach ($hours in 50, 26, 3) {
            $null = New-LibratoAnnotation deploys.mobile "Release app build $hours" -Source ios -StartTime $ExampleNow.AddHours(-$hours).LocalDateTime
        }
    }
}
