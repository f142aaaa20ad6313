# Setup of the examples of docs/cmdlets/Set-LibratoSpace.md.
@{
    2 = { New-ExampleDashboard; $null = New-LibratoSpace Staging }
    # The examples below show no output: their entries show that they print nothing.
    1 = { New-ExampleDashboard; $null = New-LibratoSpace Staging }
}
