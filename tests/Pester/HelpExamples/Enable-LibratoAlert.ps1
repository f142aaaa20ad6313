# Setup of the examples of docs/cmdlets/Enable-LibratoAlert.md.
@{
    1 = { New-ExampleAlerts }
    2 = { New-ExampleAlerts }
}
