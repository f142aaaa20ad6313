BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ResourceHelpers.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null
    $script:Now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()

    function script:Get-StoredEvents([string] $Stream) {
        # Every event of a stream as the emulator stored it, by source.
        (Invoke-EmulatorApi $Emulator "annotations/$($Stream)?start_time=0").events
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'The README''s annotation examples' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-LibratoAnnotation api.pushes -Title 'push 1' -Source web-1 -Description 'first push' -StartTime ($Now - 300) | Out-Null
        New-LibratoAnnotation api.pushes -Title 'push 2' -StartTime ($Now - 200) | Out-Null
        New-LibratoAnnotation deploys -Title 'deploy' | Out-Null
        Set-LibratoAnnotationStream deploys -DisplayName 'Production deploys'
    }

    It 'lists every annotation stream with its display name' {
        $lines = Get-LibratoAnnotationStream | ForEach-Object { '{0}: {1}' -f $_.Name, $_.DisplayName }
        $lines | Should -Be @('api.pushes: api.pushes', 'deploys: Production deploys')
    }

    It 'shows the metadata of a named stream' {
        $stream = Get-LibratoAnnotationStream api.pushes
        $stream | Should -BeOfType ([Librato.Api.LibratoAnnotationStream])
        $stream.Name | Should -Be 'api.pushes'
        $stream.DisplayName | Should -Be 'api.pushes'
        $stream.Events | Should -HaveCount 0
    }

    It 'reads the events of a stream from a start time, by source' {
        $stream = Get-LibratoAnnotationStream api.pushes -StartTime 1386050400
        $request = Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/annotations/api.pushes' } | Select-Object -Last 1
        $request.query | Should -Match 'start_time=1386050400'
        $stream.Events | Should -HaveCount 2
        $bySource = $stream.Events | Group-Object { if ($_.Source) { $_.Source } else { 'unassigned' } } -AsHashTable -AsString
        $bySource['web-1'].Title | Should -Be 'push 1'
        $bySource['web-1'].Description | Should -Be 'first push'
        $bySource['unassigned'].Title | Should -Be 'push 2'
        $stream.Events.Id | Should -Be @((Get-StoredEvents api.pushes).'web-1'.id, (Get-StoredEvents api.pushes).unassigned.id)
    }

    It 'posts an annotation with only a title, creating the stream' {
        $created = New-LibratoAnnotation testing -Title foobarbiz
        $created | Should -BeOfType ([Librato.Api.LibratoAnnotation])
        $created.Stream | Should -Be 'testing'
        $created.Title | Should -Be 'foobarbiz'
        $stored = (Get-StoredEvents testing).unassigned
        $stored.title | Should -Be 'foobarbiz'
        $stored.id | Should -Be $created.Id
        [math]::Abs($stored.start_time - [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()) | Should -BeLessOrEqual 5
    }

    It 'posts an annotation with a source, a description and links' {
        $build = 4711
        $created = New-LibratoAnnotation TravisCI -Title "build $build" -Source SystemSource `
            -Description "Application shop, Travis build $build" -Link @{ rel = 'travis'; href = 'http://travisci.com/somebuild' }
        $stored = (Get-StoredEvents TravisCI).SystemSource
        $stored.title | Should -Be 'build 4711'
        $stored.source | Should -Be 'SystemSource'
        $stored.description | Should -Be 'Application shop, Travis build 4711'
        $stored.links[0].rel | Should -Be 'travis'
        $stored.links[0].href | Should -Be 'http://travisci.com/somebuild'
        $created.Links[0].Href | Should -Be 'http://travisci.com/somebuild'
    }

    It 'deletes a named stream' {
        Remove-LibratoAnnotationStream testing -Force
        { Invoke-EmulatorApi $Emulator 'annotations/testing' } | Should -Throw
        (Get-LibratoAnnotationStream).Name | Should -Not -Contain 'testing'
    }
}

Describe 'Get-LibratoAnnotationStream' {
    BeforeAll {
        Reset-Emulator $Emulator
        # 150 streams: more than one page of 100.
        1..150 | ForEach-Object { Invoke-EmulatorApi $Emulator ('annotations/s{0:000}' -f $_) -Method Post -Body @{ title = 't'; start_time = $Now - 10 } | Out-Null }
        Invoke-EmulatorApi $Emulator 'annotations/other' -Method Post -Body @{ title = 'old'; start_time = $Now - 7200 } | Out-Null
        Invoke-EmulatorApi $Emulator 'annotations/other' -Method Post -Body @{ title = 'db'; source = 'db-1'; start_time = $Now - 60 } | Out-Null
        Invoke-EmulatorApi $Emulator 'annotations/other' -Method Post -Body @{ title = 'web'; source = 'web-1'; start_time = $Now - 30 } | Out-Null
    }

    It 'lists every stream across pages' {
        $all = Get-LibratoAnnotationStream
        $all | Should -HaveCount 151
        $pages = Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/annotations' }
        $pages.Count | Should -BeGreaterOrEqual 2
    }

    It 'filters by a wildcard pattern, on the server as far as it can' {
        $some = Get-LibratoAnnotationStream 's1[0-4]*'
        $some | Should -HaveCount 50
        (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/annotations' | Select-Object -Last 1).query | Should -Match 'name=s1'
    }

    It 'reads events of the last day by default once a source, end or count is asked for' {
        $stream = Get-LibratoAnnotationStream other -Source 'db-*', 'web-*'
        $stream.Events.Title | Should -Be @('db', 'web')
        $query = (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/annotations/other' | Select-Object -Last 1).query
        $query | Should -Match 'sources%5B%5D=db-%2A|sources\[\]=db-\*'
        $query | Should -Match 'start_time='
        (Get-LibratoAnnotationStream other -EndTime ([DateTimeOffset]::UtcNow)).Events | Should -HaveCount 3
    }

    It 'reads the last N events with -Count' {
        (Get-LibratoAnnotationStream other -Count 2).Events.Title | Should -Be @('db', 'web')
    }

    It 'reads each stream a pattern matches with its events' {
        $streams = Get-LibratoAnnotationStream 's00*' -Count 1
        $streams | Should -HaveCount 9
        $streams | ForEach-Object { $_.Events | Should -HaveCount 1 }
    }

    It 'reports a missing stream with Librato.AnnotationStreamNotFound and goes on' {
        $found = Get-LibratoAnnotationStream no.such, other -ErrorVariable errs -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'other'
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AnnotationStreamNotFound*'
        $errs[0].TargetObject | Should -Be 'no.such'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-LibratoAnnotation' {
    BeforeAll {
        Reset-Emulator $Emulator
        $script:A = New-LibratoAnnotation deploys -Title 'deploy api' -Source api -StartTime ($Now - 3000) -EndTime ($Now - 2900)
        $script:B = New-LibratoAnnotation deploys -Title 'deploy web' -Source web -StartTime ($Now - 600)
        $script:C = New-LibratoAnnotation outages -Title 'database down' -StartTime ($Now - 100)
        $script:Old = New-LibratoAnnotation deploys -Title 'deploy old' -StartTime ($Now - 3 * 86400)
    }

    It 'gets the events of the last day of a stream, in start-time order' {
        $events = Get-LibratoAnnotation deploys
        $events.Title | Should -Be @('deploy api', 'deploy web')
        $events[0] | Should -BeOfType ([Librato.Api.LibratoAnnotation])
        $events[0].StartTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds($Now - 3000).UtcDateTime)
        $events[0].EndTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds($Now - 2900).UtcDateTime)
        $events[0].Duration | Should -Be ([TimeSpan]::FromSeconds(100))
    }

    It 'gets events from a start time, by source and title' {
        (Get-LibratoAnnotation deploys -StartTime 0).Title | Should -Be @('deploy old', 'deploy api', 'deploy web')
        (Get-LibratoAnnotation deploys -StartTime 0 -Source web).Title | Should -Be 'deploy web'
        (Get-LibratoAnnotation deploys -StartTime 0 -Title '*API*').Title | Should -Be 'deploy api'
        (Get-LibratoAnnotation deploys -StartTime ($Now - 4000) -EndTime ($Now - 1000)).Title | Should -Be 'deploy api'
    }

    It 'gets the events of every stream, or of the streams a pattern matches' {
        (Get-LibratoAnnotation).Title | Should -Be @('deploy api', 'deploy web', 'database down')
        (Get-LibratoAnnotation 'out*').Title | Should -Be 'database down'
    }

    It 'gets one event by stream and id, also from the pipeline' {
        $one = Get-LibratoAnnotation deploys -Id $B.Id
        $one.Title | Should -Be 'deploy web'
        $one.Source | Should -Be 'web'
        ($C | Get-LibratoAnnotation).Title | Should -Be 'database down'
    }

    It 'reports a missing event with Librato.AnnotationNotFound and a missing stream with Librato.AnnotationStreamNotFound' {
        Get-LibratoAnnotation deploys -Id 9999 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AnnotationNotFound*'
        $errs[0].TargetObject | Should -Be 'deploys/9999'
        Get-LibratoAnnotation nothing.here -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AnnotationStreamNotFound*'
    }
}

Describe 'New-LibratoAnnotation' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'sends every field it is given' {
        New-LibratoAnnotation deploys 'v2.0' -Source web-1 -Description 'Release 2.0' -StartTime ($Now - 60) -EndTime $Now `
            -Link @{ rel = 'ci'; href = 'https://ci.example.com/42'; label = 'Build 42' }, @{ rel = 'diff'; href = 'https://git.example.com/compare' } | Out-Null
        $body = Get-RequestBody $Emulator POST '/v1/annotations/deploys'
        $body.title | Should -Be 'v2.0'
        $body.source | Should -Be 'web-1'
        $body.description | Should -Be 'Release 2.0'
        $body.start_time | Should -Be ($Now - 60)
        $body.end_time | Should -Be $Now
        $body.links.rel | Should -Be @('ci', 'diff')
        $body.links[0].label | Should -Be 'Build 42'
        $stored = (Get-StoredEvents deploys).'web-1'
        $stored.end_time | Should -Be $Now
        $stored.links | Should -HaveCount 2
    }

    It 'takes CSV rows and events read from another stream from the pipeline' {
        @(
            [pscustomobject]@{ Stream = 'imported'; Title = 'row 1'; StartTime = $Now - 30 }
            [pscustomobject]@{ Stream = 'imported'; Title = 'row 2'; StartTime = $Now - 20; Source = 'batch' }
        ) | New-LibratoAnnotation | Out-Null
        (Get-LibratoAnnotation imported).Title | Should -Be @('row 1', 'row 2')
        Get-LibratoAnnotation imported | New-LibratoAnnotation -Stream copied | Out-Null
        $copies = Get-LibratoAnnotation copied
        $copies.Title | Should -Be @('row 1', 'row 2')
        $copies[1].Source | Should -Be 'batch'
        $copies[0].StartTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds($Now - 30).UtcDateTime)
    }

    It 'creates nothing with -WhatIf' {
        New-LibratoAnnotation deploys 'nothing' -WhatIf
        Get-RequestBody $Emulator POST '/v1/annotations/*' | Should -BeNullOrEmpty
    }

    It 'reports what the API refuses with its error id and the stream as target' {
        New-LibratoAnnotation 'bad name' 'x' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidRequest*'
        $errs[0].TargetObject | Should -Be 'bad name'
        New-LibratoAnnotation deploys 'x' -StartTime $Now -EndTime ($Now - 10) -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].Exception.Message | Should -Match 'start_time: must be before end_time'
    }
}

Describe 'Set-LibratoAnnotation and Set-LibratoAnnotationStream' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Event = New-LibratoAnnotation deploys 'deploy' -Description 'first' -Link @{ rel = 'ci'; href = 'https://ci/1' }
    }

    It 'changes title, description and end time' {
        $updated = $Event | Set-LibratoAnnotation -Title 'deploy (done)' -Description 'all good' -EndTime ($Now + 5) -PassThru
        $updated.Title | Should -Be 'deploy (done)'
        $stored = (Get-StoredEvents deploys).unassigned
        $stored.title | Should -Be 'deploy (done)'
        $stored.description | Should -Be 'all good'
        $stored.end_time | Should -Be ($Now + 5)
        (Get-RequestBody $Emulator PUT "/v1/annotations/deploys/$($Event.Id)").PSObject.Properties.Name | Should -Be @('title', 'description', 'end_time')
    }

    It 'replaces, adds and removes links' {
        Set-LibratoAnnotation deploys $Event.Id -Link @{ rel = 'log'; href = 'https://logs/1' }
        (Get-StoredEvents deploys).unassigned.links.rel | Should -Be 'log'
        Set-LibratoAnnotation deploys $Event.Id -AddLink @{ rel = 'graph'; href = 'https://graphs/1'; label = 'Graph' }
        (Get-StoredEvents deploys).unassigned.links.rel | Should -Be @('log', 'graph')
        Set-LibratoAnnotation deploys $Event.Id -RemoveLink log
        (Get-StoredEvents deploys).unassigned.links.rel | Should -Be 'graph'
        Set-LibratoAnnotation deploys $Event.Id -Link @()
        @((Get-StoredEvents deploys).unassigned[0].links).Count | Should -Be 0
    }

    It 'refuses to run with nothing to set' {
        { Set-LibratoAnnotation deploys $Event.Id -ErrorAction Stop } | Should -Throw -ErrorId 'Librato.NothingToUpdate*'
    }

    It 'reports a missing event' {
        Set-LibratoAnnotation deploys 999 -Title x -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AnnotationNotFound*'
    }

    It 'changes nothing with -WhatIf' {
        Set-LibratoAnnotation deploys $Event.Id -Title 'changed' -WhatIf
        (Get-StoredEvents deploys).unassigned.title | Should -Be 'deploy'
    }

    It 'sets the display name of streams, also piped' {
        Get-LibratoAnnotationStream deploys | Set-LibratoAnnotationStream -DisplayName 'Deploys' -PassThru | Select-Object -ExpandProperty DisplayName | Should -Be 'Deploys'
        (Invoke-EmulatorApi $Emulator 'annotations/deploys').display_name | Should -Be 'Deploys'
        Set-LibratoAnnotationStream nope -DisplayName x -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AnnotationStreamNotFound*'
    }
}

Describe 'Remove-LibratoAnnotation and Remove-LibratoAnnotationStream' {
    BeforeEach {
        Reset-Emulator $Emulator
        1..3 | ForEach-Object { New-LibratoAnnotation deploys "deploy $_" -StartTime ($Now - 100 + $_) | Out-Null }
        New-LibratoAnnotation outages 'outage' | Out-Null
    }

    It 'removes events piped from Get-LibratoAnnotation' {
        Get-LibratoAnnotation deploys -Title '*2' | Remove-LibratoAnnotation -Force
        (Get-StoredEvents deploys).unassigned.title | Should -Be @('deploy 1', 'deploy 3')
    }

    It 'removes events by stream and id, and nothing with -WhatIf' {
        $ids = (Get-LibratoAnnotation deploys).Id
        Remove-LibratoAnnotation deploys $ids[0] -WhatIf
        (Get-StoredEvents deploys).unassigned | Should -HaveCount 3
        Remove-LibratoAnnotation deploys $ids[0], $ids[1] -Confirm:$false
        (Get-StoredEvents deploys).unassigned.title | Should -Be 'deploy 3'
    }

    It 'removes streams piped from Get-LibratoAnnotationStream' {
        Get-LibratoAnnotationStream 'dep*' | Remove-LibratoAnnotationStream -Force
        (Invoke-EmulatorApi $Emulator 'annotations').annotations.name | Should -Be 'outages'
    }

    It 'reports what is missing' {
        Remove-LibratoAnnotation deploys 424242 -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AnnotationNotFound*'
        Remove-LibratoAnnotationStream gone -Force -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AnnotationStreamNotFound*'
        $errs2[0].TargetObject | Should -Be 'gone'
    }

    It 'is a high-impact change that asks for confirmation' {
        $command = Get-Command Remove-LibratoAnnotationStream
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        (Get-Command Remove-LibratoAnnotation).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Use-LibratoAnnotation' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'annotates a script block: start before it runs, end after, output passing through' {
        $before = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $output = Use-LibratoAnnotation deploys 'Deploy 1.2' -Source web -Description 'runbook' -Link @{ rel = 'ci'; href = 'https://ci/12' } {
            "annotation $($_.Id) $($args[0].Title)"
            Start-Sleep -Seconds 2
            'done'
        }
        $output | Should -Be @('annotation 1 Deploy 1.2', 'done')
        $stored = (Get-StoredEvents deploys).web
        $stored.title | Should -Be 'Deploy 1.2'
        $stored.description | Should -Be 'runbook'
        $stored.links[0].href | Should -Be 'https://ci/12'
        $stored.start_time | Should -BeGreaterOrEqual $before
        $stored.end_time - $stored.start_time | Should -BeGreaterOrEqual 2
        # The start is sent when the annotation is made, before the block; the end with the update after it.
        $requests = Get-EmulatorRequests $Emulator | Where-Object { $_.path -like '/v1/annotations/deploys*' -and $_.method -ne 'GET' }
        $requests.method | Should -Be @('POST', 'PUT')
        ($requests[1].body | ConvertFrom-Json).end_time | Should -Be $stored.end_time
    }

    It 'writes the output as the block writes it' {
        $seen = [System.Collections.Generic.List[double]]::new()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Use-LibratoAnnotation deploys 'streaming' { 'first'; Start-Sleep -Milliseconds 1500; 'second' } | ForEach-Object { $seen.Add($watch.Elapsed.TotalSeconds) }
        $seen | Should -HaveCount 2
        ($seen[1] - $seen[0]) | Should -BeGreaterOrEqual 1
    }

    It 'sets the end time when the block throws, and throws it again with the output before it intact' {
        $output = [System.Collections.Generic.List[object]]::new()
        $thrown = $null
        try {
            Use-LibratoAnnotation deploys 'failing' { 'before'; throw 'deploy failed' } | ForEach-Object { $output.Add($_) }
        }
        catch {
            $thrown = $_
        }
        $thrown.Exception.Message | Should -Be 'deploy failed'
        $output | Should -Be 'before'
        $stored = (Get-StoredEvents deploys).unassigned
        $stored.end_time | Should -Not -BeNullOrEmpty
        $stored.end_time | Should -BeGreaterOrEqual $stored.start_time
    }

    It 'runs the block in its own scope' {
        $outer = 'outside'
        Use-LibratoAnnotation deploys 'scoped' { $outer; $inner = 1 } | Should -Be 'outside'
        Test-Path variable:inner | Should -BeFalse
    }

    It 'runs the block without an annotation when the API refuses it, and says so' {
        $output = Use-LibratoAnnotation 'bad name' 'x' { 'ran' } -ErrorVariable errs -ErrorAction SilentlyContinue
        $output | Should -Be 'ran'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidRequest*'
    }

    It 'creates no annotation with -WhatIf but still runs the block' {
        Use-LibratoAnnotation deploys 'what if' { 'ran' } -WhatIf | Should -Be 'ran'
        Get-EmulatorRequests $Emulator | Where-Object path -Like '/v1/annotations*' | Should -BeNullOrEmpty
    }
}

Describe 'Annotation stream completion' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-LibratoAnnotation deploys.api 'x' | Out-Null
        New-LibratoAnnotation deploys.web 'x' | Out-Null
        New-LibratoAnnotation outages 'x' | Out-Null
    }

    It 'completes stream names containing what was typed, prefix matches first' {
        Get-Completion 'Get-LibratoAnnotation dep' | Should -Be @('deploys.api', 'deploys.web')
        Get-Completion 'New-LibratoAnnotation -Stream out' | Should -Be 'outages'
        Get-Completion 'Remove-LibratoAnnotationStream ' | Should -Be @('deploys.api', 'deploys.web', 'outages')
    }

    It 'caches names per session and forgets them when the module creates a stream' {
        Get-Completion 'Get-LibratoAnnotationStream ' | Should -HaveCount 3
        Invoke-EmulatorApi $Emulator 'annotations/made.elsewhere' -Method Post -Body @{ title = 'x' } | Out-Null
        Get-Completion 'Get-LibratoAnnotationStream ' | Should -HaveCount 3
        New-LibratoAnnotation made.here 'x' | Out-Null
        Get-Completion 'Get-LibratoAnnotationStream ' | Should -HaveCount 5
    }

    It 'is silent when not connected' {
        $session = Get-LibratoSession
        Disconnect-Librato
        try {
            Get-Completion 'Get-LibratoAnnotation dep' | Should -BeNullOrEmpty
        }
        finally {
            Connect-TestEmulator $Emulator | Out-Null
        }
    }
}
