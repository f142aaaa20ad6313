# Setup of the examples of docs/cmdlets/Get-LibratoChart.md.
@{
    1 = { New-ExampleDashboard }
    3 = { New-ExampleDashboard }
    4 = { New-ExampleDashboard }
    # The examples below show no output: their entries show that they print nothing.
    2 = { New-ExampleDashboard }
}
