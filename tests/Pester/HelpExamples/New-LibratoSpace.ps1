# Setup of the examples of docs/cmdlets/New-LibratoSpace.md.
@{
    1 = @{}
    3 = { New-ExampleDashboard }
    4 = @{ Setup = { New-ExampleDashboard }; Errors = $true }
    # The examples below show no output: their entries show that they print nothing.
    2 = @{ Errors = $true }
}
