# Setup of the examples of docs/cmdlets/Set-LibratoAlert.md.
@{
    1 = { New-ExampleAlerts }
    2 = { New-ExampleAlerts }
    6 = { New-ExampleAlerts }
}
