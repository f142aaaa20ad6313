# Setup of the examples of docs/cmdlets/ConvertTo-LibratoMetricName.md.
@{
    1 = @{}
    2 = {
        $env:COMPUTERNAME = 'SQL-03'
        # Get-Service as Windows answers it for the named instances of SQL Server on this machine.
        function Get-Service([string[]] $Name) {
            [pscustomobject]@{ Name = 'MSSQL$SQLEXPRESS'; DisplayName = 'SQL Server (SQLEXPRESS)'; Status = 'Running' }
            [pscustomobject]@{ Name = 'MSSQL$REPORTING'; DisplayName = 'SQL Server (REPORTING)'; Status = 'Stopped' }
        }
    }
    3 = {
        @'
Name,Value,Source
backup.duration_seconds,312,nas-01
backup size (GB),48.2,nas-01
backup.files_copied,18231,nas-01
'@ | Set-Content .\backup-report.csv
    }
    4 = { $null = New-Item -ItemType Directory 'D:\Shares\Finance 2025', 'D:\Shares\HR', 'D:\Shares\Project X (Archive)' }
}
