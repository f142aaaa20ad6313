# Setup of the examples of docs/cmdlets/Remove-LibratoAlert.md.
@{
    1 = @{ Setup = { New-ExampleAlerts; $null = New-LibratoAlert my.alert -MetricName cpu -Above 42 }; Answers = 'y' }
    2 = {
        New-ExampleAlerts
        $null = New-LibratoAlert staging.api.errors -MetricName api.errors -Source 'staging*' -Above 10
        $null = New-LibratoAlert staging.web.cpu -MetricName web.cpu.percent -Source 'staging*' -Above 95
    }
    # The examples below show no output: their entries show that they print nothing.
    3 = { New-ExampleAlerts }
}
