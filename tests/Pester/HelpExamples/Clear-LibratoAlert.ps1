# Setup of the examples of docs/cmdlets/Clear-LibratoAlert.md.
@{
    2 = { New-ExampleAlerts; $null = Invoke-ExampleControl "alerts/$((Get-LibratoAlert web.cpu.high).Id)/trigger" -Method Post }
    # The examples below show no output: their entries show that they print nothing.
    1 = { New-ExampleAlerts; $null = Invoke-ExampleControl "alerts/$((Get-LibratoAlert web.cpu.high).Id)/trigger" -Method Post }
}
