<#
.SYNOPSIS
Backfills measurements from CSV files into Librato and reports how many were sent.

.DESCRIPTION
Reads each CSV file with Import-Csv, maps its columns to measurements (metric name, value, time, and a source or
tags), and streams them to Send-LibratoMetric, which sends full batches in the background, several at once with
-ThrottleLimit, while the files are still being read. Nothing is held in memory but the batches on their way, so
files of millions of rows are fine.

Times may be epoch seconds (or milliseconds), or date and time text. Text is read with -TimeFormat when it is
given, else in the ISO 8601 and invariant-culture forms; text without a time zone is taken as -TimeZone (UTC by
default). Librato accepts times within the last year; older rows are refused by the API and counted as failed.

A row that cannot be mapped (an empty or non-numeric value, a time that cannot be read, no metric name) is
skipped with a warning naming the file and line, and counted; the others are still sent. At the end the script
writes one summary object: rows read, measurements sent, rows skipped, measurements that failed, and the rate.

Credentials come from -Credential (the account email as the user name, the API token as the password) or, when
it is omitted, from the LIBRATO_USER and LIBRATO_TOKEN environment variables.

.PARAMETER Path
The CSV files; wildcards are allowed.

.PARAMETER Metric
The metric name for every row, for files that hold a single metric. Without it, the -NameColumn column names each
row's metric.

.PARAMETER NameColumn
The column holding the metric name; the default is name.

.PARAMETER ValueColumn
The column holding the value; the default is value.

.PARAMETER TimeColumn
The column holding the time; the default is time.

.PARAMETER SourceColumn
The column holding the source (legacy sources). Leave it out for tagged data.

.PARAMETER TagColumn
Columns whose values become tags named after the columns, such as host and region.

.PARAMETER TimeFormat
The exact format of the time text, such as 'dd/MM/yyyy HH:mm' (.NET custom format, invariant culture).

.PARAMETER TimeZone
How time text without a zone is read: Utc (the default) or Local.

.PARAMETER Type
gauge (the default) or counter.

.PARAMETER Delimiter
The CSV delimiter; the default is a comma.

.PARAMETER BatchSize
Measurements per request; the default is 300.

.PARAMETER ThrottleLimit
How many batches may be on their way at once; the default is 4.

.PARAMETER Credential
The Librato account email (user name) and API token (password). Without it, LIBRATO_USER and LIBRATO_TOKEN are
read.

.PARAMETER Endpoint
The API endpoint; the default is Librato's. Give a local emulator's address to try the script out.

.EXAMPLE
PS C:\> .\Import-MetricBackfill.ps1 .\exports\*.csv -TagColumn host, region

Rows Sent Skipped Failed Elapsed          PerSecond
---- ---- ------- ------ -------          ---------
9000 9000       0      0 00:00:03.2040000   2809.0

Sends files with the columns name, value, time, host and region as tagged measurements.

.EXAMPLE
PS C:\> .\Import-MetricBackfill.ps1 .\temperature.csv -Metric office.temperature -TimeColumn Timestamp -ValueColumn Celsius -TimeFormat 'dd/MM/yyyy HH:mm' -TimeZone Local -SourceColumn Room

Sends a sensor export with its own column names and a local day-first time format as one metric with a source
per room.
#>
#Requires -Modules Librato

[CmdletBinding()]
param(
    [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
    [Alias('FullName')]
    [ValidateNotNullOrEmpty()]
    [string[]] $Path,

    [ValidateNotNullOrEmpty()]
    [string] $Metric,

    [ValidateNotNullOrEmpty()]
    [string] $NameColumn = 'name',

    [ValidateNotNullOrEmpty()]
    [string] $ValueColumn = 'value',

    [ValidateNotNullOrEmpty()]
    [string] $TimeColumn = 'time',

    [string] $SourceColumn,

    [string[]] $TagColumn,

    [string] $TimeFormat,

    [ValidateSet('Utc', 'Local')]
    [string] $TimeZone = 'Utc',

    [ValidateSet('gauge', 'counter')]
    [string] $Type = 'gauge',

    [ValidateNotNullOrEmpty()]
    [char] $Delimiter = ',',

    [ValidateRange(1, 1000)]
    [int] $BatchSize = 300,

    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 4,

    [pscredential] $Credential,

    [uri] $Endpoint
)

begin {
    $invariant = [Globalization.CultureInfo]::InvariantCulture
    $zoneStyle = if ($TimeZone -eq 'Utc') { [Globalization.DateTimeStyles]::AssumeUniversal } else { [Globalization.DateTimeStyles]::AssumeLocal }

    function ConvertTo-EpochTime([string] $Text) {
        # Epoch seconds or milliseconds as they are; text as a date, in the given zone when it names none.
        $number = 0.0
        if ([double]::TryParse($Text, [Globalization.NumberStyles]::Float, $invariant, [ref] $number)) {
            if ($number -gt 1e11) { $number = $number / 1000 }
            return [long][math]::Floor($number)
        }

        $parsed = [DateTimeOffset]::MinValue
        $ok = if ($TimeFormat) {
            [DateTimeOffset]::TryParseExact($Text, $TimeFormat, $invariant, $zoneStyle, [ref] $parsed)
        }
        else {
            [DateTimeOffset]::TryParse($Text, $invariant, $zoneStyle, [ref] $parsed)
        }
        if ($ok) { $parsed.ToUnixTimeSeconds() } else { $null }
    }

    $connect = @{ PassThru = $true }
    if ($Credential) { $connect.Credential = $Credential }
    if ($Endpoint) { $connect.Endpoint = $Endpoint }
    $session = Connect-Librato @connect -ErrorAction Stop

    $stats = @{ Rows = 0; Skipped = 0 }
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $files = [Collections.Generic.List[string]]::new()
}

process {
    foreach ($item in $Path) {
        $resolved = @(Resolve-Path -Path $item -ErrorAction Continue)
        foreach ($file in $resolved) { $files.Add($file.ProviderPath) }
    }
}

end {
    # Rows go to Send-LibratoMetric as they are read, so only the batches on their way are held in memory.
    $sent = 0
    & { foreach ($file in $files) {
        $line = 1
        foreach ($row in Import-Csv -LiteralPath $file -Delimiter $Delimiter -ErrorAction Stop) {
            $line++
            $stats.Rows++
            $name = if ($Metric) { $Metric } else { $row.$NameColumn }
            $valueText = $row.$ValueColumn
            $value = 0.0
            $why = if ([string]::IsNullOrWhiteSpace($name)) { "no metric name in the column '$NameColumn'" }
            elseif (-not [double]::TryParse($valueText, [Globalization.NumberStyles]::Float, $invariant, [ref] $value)) { "the value '$valueText' is not a number" }
            $time = $null
            if (-not $why) {
                $timeText = $row.$TimeColumn
                if ([string]::IsNullOrWhiteSpace($timeText)) { $why = "no time in the column '$TimeColumn'" }
                else {
                    $time = ConvertTo-EpochTime $timeText
                    if ($null -eq $time) { $why = "the time '$timeText' cannot be read" }
                }
            }

            if ($why) {
                $stats.Skipped++
                # Through the script's own runtime, so -WarningVariable on the script collects it.
                $PSCmdlet.WriteWarning("Skipped ${file}:$line`: $why.")
                continue
            }

            $measurement = [ordered]@{ Name = $name; Value = $value; Time = $time; Type = $Type }
            if ($SourceColumn -and $row.$SourceColumn) { $measurement.Source = $row.$SourceColumn }
            if ($TagColumn) {
                $tags = @{}
                foreach ($column in $TagColumn) {
                    if ($row.$column) { $tags[$column] = $row.$column }
                }
                if ($tags.Count) { $measurement.Tags = $tags }
            }
            [pscustomobject]$measurement
        }
    } } | Send-LibratoMetric -Session $session -BatchSize $BatchSize -ThrottleLimit $ThrottleLimit -PassThru -ErrorAction SilentlyContinue -ErrorVariable sendErrors |
        ForEach-Object { $sent++ }

    # Each error of a refused batch or measurement names what it was about; count the measurements, not the errors.
    $failed = 0
    foreach ($err in $sendErrors) {
        $failed += @($err.TargetObject).Count
        $PSCmdlet.WriteError($err)
    }

    $clock.Stop()
    [pscustomobject]@{
        Rows      = $stats.Rows
        Sent      = $sent
        Skipped   = $stats.Skipped
        Failed    = $failed
        Elapsed   = $clock.Elapsed
        PerSecond = [math]::Round($sent / [math]::Max($clock.Elapsed.TotalSeconds, 0.001), 1)
    }
}
