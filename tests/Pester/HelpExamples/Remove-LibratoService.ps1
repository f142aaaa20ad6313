# Setup of the examples of docs/cmdlets/Remove-LibratoService.md.
@{
    1 = @{ Setup = { New-ExampleAlerts }; Answers = 'y' }
    # The examples below show no output: their entries show that they print nothing.
    2 = {
        New-ExampleServices
        $null = New-LibratoService test-mail mail @{ addresses = 'test@example.com' }
        $null = New-LibratoService test-slack slack @{ url = 'https://hooks.slack.com/services/T000/B000/TEST' }
    }
}
