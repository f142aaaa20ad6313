# Setup of the examples of docs/cmdlets/New-LibratoAlertCondition.md.
@{
    1 = @{}
    2 = @{}
    3 = @{}
    4 = {
        New-ExampleServices
        Send-LibratoMetric backup.db.last_success 1 -Source nas-01
        Send-LibratoMetric backup.files.last_success 1 -Source nas-01
    }
    5 = @{ Errors = $true }
}
