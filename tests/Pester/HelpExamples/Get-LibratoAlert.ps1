# Setup of the examples of docs/cmdlets/Get-LibratoAlert.md.
@{
    1 = { New-ExampleAlerts }
    2 = { New-ExampleAlerts }
    3 = { New-ExampleAlerts }
    4 = { New-ExampleAlerts }
    5 = { New-ExampleAlerts }
    6 = { New-ExampleAlerts }
    7 = @{ Setup = { New-ExampleAlerts }; Errors = $true }
}
