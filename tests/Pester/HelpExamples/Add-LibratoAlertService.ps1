# Setup of the examples of docs/cmdlets/Add-LibratoAlertService.md.
@{
    2 = {
        New-ExampleServices
        $null = New-LibratoAlert prod.api.errors -MetricName api.errors -Above 10 -Service ops-slack
        $null = New-LibratoAlert prod.db.replica -MetricName db.replica.lag_seconds -Above 30
    }
    # The examples below show no output: their entries show that they print nothing.
    1 = { New-ExampleServices }
}
