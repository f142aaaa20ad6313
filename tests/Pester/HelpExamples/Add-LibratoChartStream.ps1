# Setup of the examples of docs/cmdlets/Add-LibratoChartStream.md.
@{
    1 = { New-ExampleDashboard }
    # The examples below show no output: their entries show that they print nothing.
    2 = { New-ExampleDashboard }
    3 = { New-ExampleDashboard }
}
