# Setup of the examples of docs/cmdlets/Remove-LibratoService.md.
@{
    1 = @{ Setup = { New-ExampleAlerts }; Answers = 'y' }
}
