# Setup of the examples of docs/cmdlets/Submit-LibratoQueue.md.
$queued = {
    $queue = New-LibratoQueue
    foreach ($i in 1..120) { $queue.Add('etl.rows_loaded', $i, "sql-0$($i % 3 + 1)") }
}
@{
    1 = {
        # Get-SmbShare, which only Windows has, for the shares of this file server, each with a file in it.
        $names = 'Finance', 'HR', 'Sales', 'Marketing', 'Legal', 'IT', 'Projects', 'Archive', 'Scans', 'Public', 'Home', 'Software', 'Templates', 'Exports'
        $random = [Random]::new(1)
        foreach ($name in $names) {
            $null = New-Item -ItemType Directory "C:\Shares\$name"
            [IO.File]::WriteAllBytes((Join-Path (Resolve-Path "C:\Shares\$name").ProviderPath 'data.bin'), [byte[]]::new($random.Next(1, 64) * 1KB))
        }
        function Get-SmbShare([bool] $Special) {
            foreach ($name in $names) { [pscustomobject]@{ Name = $name; Path = "C:\Shares\$name"; Description = '' } }
        }
    }
    2 = @{
        Setup     = {
            $queue = New-LibratoQueue
            foreach ($i in 1..650) { $queue.Add('etl.rows_loaded', $i, "sql-$($i % 5)") }
            $queue.Add('etl.runs', 1, @{ job = 'nightly-etl' })
        }
        # Two requests are on their way at a time, so their lines come in the order their answers do.
        Normalize = @{ '(?m)(^VERBOSE: POST .*(\n|$))+' = { (($_.Value.TrimEnd("`n") -split "`n") | Sort-Object) -join "`n" } }
    }
    4 = @{
        Setup      = [scriptblock]::Create("`$null = Connect-Librato -Credential `$credential -Endpoint `$ExampleEmulator.Closed -SkipCredentialCheck -MaxRetries 0`n$queued")
        Substitute = @{ 'https://metrics-api.librato.com' = '{closed}'; 'metrics-api.librato.com:443' = '{closed-authority}' }
        Errors     = $true
    }
    5 = {
        $cpuQueue = New-LibratoQueue
        foreach ($i in 1..1440) { $cpuQueue.Add('cpu.busy_percent', $i % 100, 'web-01') }
        $diskQueue = New-LibratoQueue
        foreach ($i in 1..600) { $diskQueue.Add('disk.free_percent', 40 + $i % 10, @{ drive = 'c'; host = 'web-01' }) }
        $jobQueue = New-LibratoQueue
        foreach ($i in 1..144) { $jobQueue.Add('jobs.finished', 1, 'batch-01') }
    }
    6 = $queued
}
