# Setup of the examples of docs/cmdlets/New-LibratoAlertCondition.md.
@{
    1 = @{}
    # The tags come in the order of the hashtable they are given in, which changes from process to process.
    2 = @{ Normalize = @{ '(?<=api\.latency +)\S.*$' = { ($_.Value -split ' (?=\w+=)' | Sort-Object) -join ' ' } } }
    3 = @{}
    4 = {
        New-ExampleServices
        Send-LibratoMetric backup.db.last_success 1 -Source nas-01
        Send-LibratoMetric backup.files.last_success 1 -Source nas-01
    }
    5 = @{ Errors = $true }
}
