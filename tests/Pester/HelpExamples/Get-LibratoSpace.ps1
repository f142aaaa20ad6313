# Setup of the examples of docs/cmdlets/Get-LibratoSpace.md.
@{
    1 = { New-ExampleDashboard }
    2 = { New-ExampleDashboard }
    3 = { New-ExampleDashboard }
    4 = { New-ExampleDashboard }
}
