BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Computed members (Librato.Types.ps1xml)' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
    }

    It 'is loaded by the module manifest' {
        (Test-ModuleManifest (Join-Path $ModulePath 'Librato.psd1')).ExportedTypeFiles | Split-Path -Leaf | Should -Contain 'Librato.Types.ps1xml'
    }

    Context 'metrics read with measurements' {
        It 'gives the newest value, its local time, its age and the sources' {
            Send-LibratoMetric -Name types.cpu -Value 1 -Source web-2 -Time ($Now - 600)
            Send-LibratoMetric -Name types.cpu -Value 7 -Source web-1 -Time ($Now - 120)
            Send-LibratoMetric -Name types.cpu -Value 3 -Source web-2 -Time ($Now - 300)
            $metric = Get-LibratoMetric types.cpu -StartTime ($Now - 3600)

            $metric.LastValue | Should -Be 7
            $metric.LastTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds($Now - 120).UtcDateTime.ToLocalTime())
            $metric.LastTime.Kind | Should -Be 'Local'
            $metric.Age.TotalSeconds | Should -BeGreaterOrEqual 119
            $metric.Age.TotalSeconds | Should -BeLessThan 180
            $metric.Sources | Should -Be @('web-1', 'web-2')
        }

        It 'gives the mean of a summarised newest point' {
            Send-LibratoMetric -Name types.sum -Value 2 -Source a -Time ($Now - 200)
            Send-LibratoMetric -Name types.sum -Value 6 -Source a -Time ($Now - 100)
            $metric = Get-LibratoMetric types.sum -StartTime ($Now - 3600) -Resolution 3600 -SummarizeTime
            $point = $metric.Measurements | Select-Object -Last 1
            $metric.LastValue | Should -Be ($(if ($null -ne $point.Value) { $point.Value } else { $point.Sum / $point.Count }))
            $metric.LastValue | Should -Be 4
        }

        It 'leaves them empty for a metric read without measurements' {
            Send-LibratoMetric -Name types.bare -Value 1
            $metric = Get-LibratoMetric types.bare
            $metric.LastValue | Should -BeNullOrEmpty
            $metric.LastTime | Should -BeNullOrEmpty
            $metric.Age | Should -BeNullOrEmpty
            $metric.Sources | Should -HaveCount 0
        }
    }

    Context 'measurements' {
        It 'gives the local time and the mean of a summarised point' {
            # Both in the last whole hour, so that they share one hourly point whatever the time of day.
            $hour = $Now - ($Now % 3600) - 3600
            Send-LibratoMetric -Name types.tagged -Value 3 -Tags @{ host = 'a' } -Time ($hour + 100)
            Send-LibratoMetric -Name types.tagged -Value 9 -Tags @{ host = 'a' } -Time ($hour + 200)
            $point = Get-LibratoMeasurement types.tagged -Resolution 3600 -StartTime ($hour - 3600) -SummaryFunction all |
                Select-Object -Last 1
            $point.LocalTime | Should -Be $point.Time.ToLocalTime()
            $point.LocalTime.Kind | Should -Be 'Local'
            $point.Count | Should -Be 2
            $point.Mean | Should -Be 6
        }

        It 'gives the value as the mean of a plain point' {
            Send-LibratoMetric -Name types.plain -Value 2.5 -Tags @{ host = 'a' } -Time ($Now - 120)
            $point = Get-LibratoMeasurement types.plain -StartTime ($Now - 600) | Select-Object -First 1
            $point.Mean | Should -Be 2.5
        }
    }

    Context 'alerts and their status' {
        It 'summarises the conditions and names the services' {
            $mail = New-LibratoService -Title 'ops mail' -Type mail -Settings @{ addresses = 'ops@example.com' }
            New-LibratoAlert types.alert -Condition @(
                New-LibratoAlertCondition types.cpu -Above 90
                New-LibratoAlertCondition types.heartbeat -Absent -Duration 600
            ) -Service $mail.Id | Out-Null
            $alert = Get-LibratoAlert types.alert
            $alert.ConditionSummary | Should -Be (($alert.Conditions | ForEach-Object { $_.ToString() }) -join '; ')
            $alert.ConditionSummary | Should -Match '^types\.cpu above 90.*; types\.heartbeat absent for 10m$'
            $alert.ServiceTitles | Should -Be @('ops mail')
        }

        It 'tells how long a firing alert has fired, and nothing for a quiet one' {
            $cpu = New-LibratoAlert types.firing -MetricName types.firing -Above 90
            New-LibratoAlert types.quiet -MetricName types.other -Above 90 | Out-Null
            Send-LibratoMetric -Name types.firing -Value 95
            # The listing carries the trigger time (a status read by id does not).
            $firing = Get-LibratoAlertStatus | Where-Object AlertId -EQ $cpu.Id
            $firing.TriggeredAt | Should -Not -BeNullOrEmpty
            $firing.FiringFor | Should -BeOfType ([timespan])
            $firing.FiringFor.TotalSeconds | Should -BeGreaterOrEqual 0
            $firing.FiringFor.TotalSeconds | Should -BeLessThan 60
            (Get-LibratoAlertStatus -Name types.quiet).FiringFor | Should -BeNullOrEmpty
        }
    }

    Context 'annotations' {
        It 'tells whether an event is open, its local start, and counts a stream''s events' {
            $open = New-LibratoAnnotation types.deploys -Title 'deploy 2' -StartTime ($Now - 60)
            New-LibratoAnnotation types.deploys -Title 'deploy 1' -StartTime ($Now - 600) -EndTime ($Now - 500) | Out-Null
            $events = Get-LibratoAnnotation types.deploys -StartTime ($Now - 3600)
            ($events | Where-Object Title -EQ 'deploy 2').IsOpen | Should -BeTrue
            ($events | Where-Object Title -EQ 'deploy 1').IsOpen | Should -BeFalse
            $open.LocalStartTime | Should -Be $open.StartTime.ToLocalTime()
            $open.LocalStartTime.Kind | Should -Be 'Local'

            $stream = Get-LibratoAnnotationStream types.deploys -StartTime ($Now - 3600)
            $stream.EventCount | Should -Be 2
            $stream.LastEventTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds($Now - 60).UtcDateTime.ToLocalTime())
        }
    }

    Context 'spaces and charts' {
        It 'counts the charts of a space read by id, and leaves it unknown for a listed space' {
            $space = New-LibratoSpace types.space
            Add-LibratoChart cpu -Space $space -Stream @{ metric = 'cpu.idle'; source = '*' }, @{ metric = 'cpu.user'; source = '*' }, @{ metric = 'cpu.idle'; source = 'web-1' } | Out-Null
            Add-LibratoChart empty -Space $space | Out-Null

            (Get-LibratoSpace -Id $space.Id).ChartCount | Should -Be 2
            (Get-LibratoSpace types.space).ChartCount | Should -BeNullOrEmpty

            $chart = Get-LibratoChart cpu -Space $space
            $chart.StreamCount | Should -Be 3
            $chart.MetricNames | Should -Be @('cpu.idle', 'cpu.user')
            (Get-LibratoChart empty -Space $space).StreamCount | Should -Be 0
        }
    }

    Context 'queues, aggregators and outbox results' {
        It 'counts the measurements of a queue''s refused batches' {
            Send-LibratoMetric -Name types.counter -Value 1 -Type counter
            $q = New-LibratoQueue
            $q.Add('types.counter', 2)
            $q.Add('types.counter', 4)
            $q.Add('types.other', 3)
            $q.FailedCount | Should -Be 0
            Submit-LibratoQueue $q -ErrorAction SilentlyContinue
            # The two gauges sent to a counter are refused; the other measurement of their batch is stored.
            $q.FailedCount | Should -Be 2
            (Get-EmulatorStats $Emulator).per_metric.'types.other'.measurements | Should -Be 1
        }

        It 'shows what an aggregator would send, without emptying it' {
            $a = New-LibratoAggregator -Source types.source
            $a.Add('types.latency', 10)
            $a.Add('types.latency', 30)
            $pending = @($a.Pending)
            $pending | Should -HaveCount 1
            $pending[0].Name | Should -Be 'types.latency'
            $pending[0].Count | Should -Be 2
            $pending[0].Sum | Should -Be 40
            $a.Count | Should -Be 1
            $a | Send-LibratoMetric
            (Get-EmulatorStats $Emulator).per_metric.'types.latency'.measurements | Should -Be 1
            @($a.Pending) | Should -HaveCount 0
        }

        It 'shows an outbox result as its four counts' {
            $outbox = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
            try {
                Connect-FastRetries $Emulator -OutboxPath $outbox | Out-Null
                $result = Send-LibratoOutbox
                $result.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames | Should -Be @('Sent', 'Batches', 'Remaining', 'Quarantined')
                ($result | Format-Table | Out-String) | Should -Match 'Sent\s+Batches\s+Remaining\s+Quarantined'
            }
            finally {
                Connect-TestEmulator $Emulator | Out-Null
                Remove-Item $outbox -Recurse -Force -ErrorAction SilentlyContinue
            }
        }

        It 'shows an aggregate value as its count, mean, min and max' {
            $a = New-LibratoAggregator
            $a.Add('types.x', 1)
            $a.Add('types.x', 3)
            $value = $a.Get('types.x')
            $value.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames | Should -Be @('Count', 'Mean', 'Min', 'Max')
            $value.Mean | Should -Be 2
        }
    }
}

Describe 'Format views' {
    It 'has a view for every type of the module that a cmdlet writes, a table but for the picture' {
        $types = Get-Command -Module Librato | ForEach-Object { $_.OutputType.Type } |
            Where-Object { $_ -and $_.Assembly.GetName().Name -like 'Librato.*' } | Sort-Object FullName -Unique
        $types | Should -Not -BeNullOrEmpty
        foreach ($type in $types) {
            $data = Get-FormatData -TypeName $type.FullName
            $data | Should -Not -BeNullOrEmpty -Because "$($type.FullName) is written by a cmdlet"
            $control = $data.FormatViewDefinition[0].Control
            if ($type.Name -eq 'MetricPicture') { $control | Should -BeOfType [System.Management.Automation.CustomControl] }
            else { $control | Should -BeOfType [System.Management.Automation.TableControl] -Because "$($type.FullName) should list as a table" }
        }
    }
}
