# Setup of the examples of docs/cmdlets/Add-LibratoChartStream.md.
@{
    1 = { New-ExampleDashboard }
}
