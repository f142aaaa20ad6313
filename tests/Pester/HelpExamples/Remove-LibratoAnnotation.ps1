# Setup of the examples of docs/cmdlets/Remove-LibratoAnnotation.md, which show no output: their entries show that
# they print nothing.
@{
    1 = {
        New-ExampleAnnotations
        foreach ($run in 1, 2) { $null = New-LibratoAnnotation deploys "TEST deploy $run" -Source test -StartTime $ExampleNow.AddMinutes(-10 * $run).LocalDateTime }
    }
}
