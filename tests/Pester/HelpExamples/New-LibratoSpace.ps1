# Setup of the examples of docs/cmdlets/New-LibratoSpace.md.
@{
    1 = @{}
    3 = { New-ExampleDashboard }
    4 = @{ Setup = { New-ExampleDashboard }; Errors = $true }
}
