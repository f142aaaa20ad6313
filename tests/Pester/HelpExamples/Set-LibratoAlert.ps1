# Setup of the examples of docs/cmdlets/Set-LibratoAlert.md.
@{
    1 = { New-ExampleAlerts }
    2 = { New-ExampleAlerts }
    6 = { New-ExampleAlerts }
    # The examples below show no output: their entries show that they print nothing.
    3 = { New-ExampleAlerts; $null = Set-LibratoAlert web.cpu.high -Condition (New-LibratoAlertCondition web.load -Above 8) }
    4 = { New-ExampleAlerts }
    5 = { New-ExampleAlerts }
}
