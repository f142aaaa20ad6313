# Setup of the examples of docs/cmdlets/Remove-LibratoSpace.md.
@{
    2 = @{ Setup = { New-ExampleDashboard; $space = New-LibratoSpace Test }; Answers = 'Y' }
    # The examples below show no output: their entries show that they print nothing.
    1 = { New-ExampleDashboard }
    3 = { New-ExampleDashboard; $null = New-LibratoSpace 'Load test'; $null = Add-LibratoChart rps -Space 'Load test' -Stream @{ metric = 'web.requests.per_minute'; source = '*' } }
}
