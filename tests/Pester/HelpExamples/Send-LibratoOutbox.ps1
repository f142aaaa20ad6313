# Setup of the examples of docs/cmdlets/Send-LibratoOutbox.md.
$outbox = 'C:\ProgramData\Librato\outbox'
@{
    1 = [scriptblock]::Create(@"
`$points = foreach (`$i in 1..1200) { [pscustomobject]@{ Name = 'edi.inbound.files_waiting'; Value = `$i % 40; Source = "edi-0`$(`$i % 4)"; Time = Get-ExampleTime (5 * [math]::Floor(`$i / 4)) } }
Add-ExampleOutboxFile '$outbox' `$points -Batches 4
"@)
    3 = @{ Normalize = @{ '\b1\d{9}\b' = '<epoch>' }; Setup = [scriptblock]::Create(@"
# The API refuses a gauge of a metric that is a counter: the measurement is moved to the quarantine folder.
Send-LibratoMetric boiler.temp_c 72 -Type counter -Source plant-03
Add-ExampleOutboxFile '$outbox' @([pscustomobject]@{ Name = 'boiler.temp_c'; Value = 72.4; Source = 'plant-03'; Time = Get-ExampleTime 60 })
`$null = Connect-Librato -Credential `$credential -OutboxPath '$outbox'
`$null = Send-LibratoOutbox -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
`$null = Connect-Librato -Credential `$credential
`$Error.Clear()
"@) }
    4 = [scriptblock]::Create(@"
foreach (`$minutes in 15, 10, 5) { Add-ExampleOutboxFile '$outbox' @([pscustomobject]@{ Name = 'ops.heartbeat'; Value = 1; Source = 'fs-01'; Time = Get-ExampleTime `$minutes }) }
`$null = Connect-Librato -Credential `$credential -OutboxPath '$outbox'
"@)
}
