# Setup of the examples of docs/cmdlets/Remove-LibratoSpace.md.
@{
    2 = @{ Setup = { New-ExampleDashboard; $space = New-LibratoSpace Test }; Answers = 'Y' }
}
