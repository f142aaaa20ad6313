# Setup of the examples of docs/cmdlets/Set-LibratoSpace.md.
@{
    2 = { New-ExampleDashboard; $null = New-LibratoSpace Staging }
}
