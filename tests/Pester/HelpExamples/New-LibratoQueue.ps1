# Setup of the examples of docs/cmdlets/New-LibratoQueue.md.
@{
    1 = @{}
    5 = @{}
    6 = @{
        Setup  = {
            Send-LibratoMetric etl.runs_total 1406 -Type counter -Source sql-03
            $queue = New-LibratoQueue
        }
        Errors = $true
    }
}
