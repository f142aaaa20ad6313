# Setup of the examples of docs/cmdlets/Get-LibratoAlertStatus.md: web.cpu.high fires, ops.heartbeat.missing fired
# and was cleared.
$firing = {
    New-ExampleAlerts
    $null = Invoke-ExampleControl "alerts/$((Get-LibratoAlert web.cpu.high).Id)/trigger" -Method Post
    $heartbeat = (Get-LibratoAlert ops.heartbeat.missing).Id
    $null = Invoke-ExampleControl "alerts/$heartbeat/trigger" -Method Post
    Clear-LibratoAlert -Id $heartbeat
}
@{
    1 = $firing
    2 = $firing
    3 = $firing
    # The examples below show no output: their entries show that they print nothing.
    4 = $firing
}
