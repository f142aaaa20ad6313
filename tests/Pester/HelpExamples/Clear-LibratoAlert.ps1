# Setup of the examples of docs/cmdlets/Clear-LibratoAlert.md.
@{
    2 = { New-ExampleAlerts; $null = Invoke-ExampleControl "alerts/$((Get-LibratoAlert web.cpu.high).Id)/trigger" -Method Post }
}
