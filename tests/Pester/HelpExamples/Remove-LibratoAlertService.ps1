# Setup of the examples of docs/cmdlets/Remove-LibratoAlertService.md.
@{
    1 = { New-ExampleAlerts; Add-LibratoAlertService web.cpu.high -Service 'Ops mail' }
    2 = @{
        Setup   = {
            New-ExampleAlerts
            $null = New-LibratoService old-channel slack @{ url = 'https://hooks.slack.com/services/T000/B000/OLD0' }
            Add-LibratoAlertService web.cpu.high, web.disk.low -Service old-channel
        }
        Answers = 'a'
    }
}
