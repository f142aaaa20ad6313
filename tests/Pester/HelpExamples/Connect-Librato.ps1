# Setup of the examples of docs/cmdlets/Connect-Librato.md.
@{
    1 = @{}
    2 = @{}
    6 = {
        # Azure Automation's cmdlet, which reads a credential asset of the account.
        function Get-AutomationPSCredential([string] $Name) { Get-ExampleCredential 'ops@example.com' }
        Send-LibratoMetric backup.duration_seconds 312 -Source nas-01
        Send-LibratoMetric backup.size_gb 48.2 -Source nas-01
        Send-LibratoMetric web.requests.total 18231 -Type counter -Source lb-01
    }
    8 = @{
        Setup     = { $env:COMPUTERNAME = 'SQL-03' }
        # A hashtable lists its entries in an order of its own, which changes from process to process.
        Normalize = @{ '(?<=DefaultTags +: \{).*(?=\})' = { ($_.Value -split ', (?=\[)' | Sort-Object) -join ', ' } }
    }
    9 = @{ Substitute = @{ 'http://proxy.corp.example.com:3128' = '{proxy}' } }
    10 = {
        $null = New-Item -ItemType Directory C:\Ops
        @'
Import-Module Librato
$null = Connect-Librato -Credential (Get-Secret -Name Librato) -OutboxPath C:\ProgramData\Librato\outbox -MaxRetries 2
$waiting = (Get-ChildItem -Path D:\EDI\Inbound -File).Count
Send-LibratoMetric -Name edi.inbound.files_waiting -Value $waiting -Source $env:COMPUTERNAME.ToLower()
'@ | Set-Content C:\Ops\Send-InboundBacklog.ps1
    }
    # The relay is reached through the emulator, which answers a proxy's requests as its own.
    11 = @{ Setup = { $PSDefaultParameterValues['Connect-Librato:Proxy'] = $ExampleEmulator.Proxy }; Errors = $true }
    12 = @{
        AppOptics = $true
        Setup     = { $PSDefaultParameterValues['Connect-Librato:Endpoint'] = $ExampleEmulator.AppOpticsUrl }
        Answers   = 'a3f9c27e4b8d1065f2e7c9a4b3d8e1f0'
        Errors    = $true
    }
}
