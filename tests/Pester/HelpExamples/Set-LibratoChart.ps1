# Setup of the examples of docs/cmdlets/Set-LibratoChart.md.
@{
    3 = { New-ExampleDashboard }
    # The examples below show no output: their entries show that they print nothing.
    1 = { New-ExampleDashboard }
    2 = { New-ExampleDashboard }
    4 = { New-ExampleDashboard }
}
