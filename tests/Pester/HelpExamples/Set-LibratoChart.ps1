# Setup of the examples of docs/cmdlets/Set-LibratoChart.md.
@{
    3 = { New-ExampleDashboard }
}
