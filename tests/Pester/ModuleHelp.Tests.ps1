# Checks the staged module's help (built from docs/cmdlets) against the cmdlets the module actually exports.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Cmdlets = @(Get-Command -Module Librato -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
    $script:Pages = @(Get-ChildItem (Join-Path $RepoRoot 'docs/cmdlets') -Filter '*.md' | Where-Object Name -NotLike 'about_*' |
            Sort-Object Name | ForEach-Object { @{ Page = $_.Name; Path = $_.FullName } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters

    function script:Get-DocumentedParameters {
        # The '### -Name' headings of a page's PARAMETERS section.
        param([string] $Path)
        $inParameters = $false
        foreach ($line in Get-Content -LiteralPath $Path) {
            if ($line -match '^## ') { $inParameters = $line -eq '## PARAMETERS' }
            elseif ($inParameters -and $line -match '^### -(\S+)\s*$') { $Matches[1] }
        }
    }

    function script:Get-PageSection {
        # The lines of one '## Heading' section of a page, headings inside code fences aside.
        param([string] $Path, [string] $Heading)
        $inSection = $false
        $inFence = $false
        foreach ($line in Get-Content -LiteralPath $Path) {
            if ($line -match '^\s*```') { $inFence = -not $inFence }
            if (-not $inFence -and $line -match '^## ') { $inSection = $line -eq "## $Heading"; continue }
            if ($inSection) { $line }
        }
    }

    function script:Get-HelpViewSection {
        # The lines under one heading (NAME, SYNTAX, DESCRIPTION, ...) of Get-Help's text, less the blank lines at its end.
        param([string[]] $Lines, [string] $Heading)
        $start = [Array]::IndexOf($Lines, $Heading)
        if ($start -lt 0) { return }
        $end = $start + 1
        while ($end -lt $Lines.Count -and $Lines[$end] -cnotmatch '^[A-Z][A-Z ]+$') { $end++ }
        $section = @($Lines[($start + 1)..($end - 1)])
        $last = $section.Count - 1
        while ($last -ge 0 -and -not $section[$last].Trim()) { $last-- }
        if ($last -ge 0) { $section[0..$last] }
    }

    function script:ConvertTo-FlatText {
        # Text as help shows it, whatever the markdown: no emphasis, code marks or link targets, and single spaces.
        param([string] $Text)
        (($Text -replace '\[([^\]]+)\]\([^)]*\)', '$1') -replace '[*`]', '' -replace '\s+', ' ').Trim()
    }

    function script:Get-TypeDisplayName {
        # A type as PlatyPS writes it: full name, with generic arguments by full name.
        param([type] $Type)
        if ($Type.IsGenericType) {
            $arguments = ($Type.GetGenericArguments() | ForEach-Object { Get-TypeDisplayName $_ }) -join ','
            return "$($Type.Namespace).$($Type.Name)[$arguments]"
        }
        $Type.FullName
    }
}

Describe 'Help for <Name>' -ForEach $Cmdlets {
    BeforeAll {
        $script:Command = Get-Command $Name -Module Librato
        $script:Help = Get-Help $Name -Full
        $script:Parameters = @($Command.Parameters.Values | Where-Object Name -NotIn $Common)
        $script:HelpParameters = @($Help.parameters.parameter)
    }

    It 'has a written synopsis, not the generated syntax' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis.Trim() | Should -Not -BeLike "$Name*"
        $Help.Synopsis | Should -Not -Match '<CommonParameters>'
    }

    It 'has a description' {
        (@($Help.description | ForEach-Object Text) -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'fits its default help on one screen: a short description, and at most 60 lines at 120 columns' {
        $lines = @((Get-Help $Name | Out-String -Width 120) -split '\r?\n')
        $description = @(Get-HelpViewSection $lines 'DESCRIPTION' | Where-Object { $_.Trim() })
        $description.Count | Should -BeGreaterThan 0
        $description.Count | Should -BeLessOrEqual 6 -Because 'the description says what the cmdlet does and what to know to use it, and the details are in the notes (Get-Help -Full)'
        # Only a syntax that alone takes half the screen (Connect-Librato's six parameter sets) may push the page a little past it.
        $syntax = @(Get-HelpViewSection $lines 'SYNTAX')
        $lines.Count | Should -BeLessOrEqual $(if ($syntax.Count -le 25) { 60 } else { 64 }) -Because "Get-Help $Name should fit one screen"
    }

    It 'describes itself in the user''s terms: no HTTP routes, methods or status codes in the description' {
        $text = @($Help.description | ForEach-Object Text) -join "`n"
        $text | Should -Not -Match '\bv1/' -Because 'API routes belong in the notes'
        $text | Should -Not -MatchExactly '\b(GET|PUT|POST|PATCH|DELETE)\s' -Because 'HTTP methods belong in the notes'
        $text | Should -Not -Match '\bHTTP\s*\d{3}\b|\b[1-5]xx\b|\b\d{3} answer' -Because 'status codes belong in the notes'
    }

    It 'keeps the notes of its page in Get-Help -Full' {
        $paragraphs = [System.Collections.Generic.List[string]]::new()
        $current = [System.Collections.Generic.List[string]]::new()
        $inFence = $false
        foreach ($line in @(Get-PageSection (Join-Path $RepoRoot "docs/cmdlets/$Name.md") 'NOTES') + '') {
            if ($line -match '^\s*```') { $inFence = -not $inFence; continue }
            if ($inFence) { continue }
            if ($line.Trim()) { $current.Add($line); continue }
            if ($current.Count) { $paragraphs.Add((ConvertTo-FlatText ($current -join ' '))); $current.Clear() }
        }
        if ($paragraphs.Count -eq 0) { Set-ItResult -Skipped -Because "the page of $Name has no notes"; return }
        $full = Get-Help $Name -Full | Out-String -Width 4096
        $full | Should -Match '(?m)^NOTES\s*$'
        $flat = ConvertTo-FlatText $full
        foreach ($paragraph in $paragraphs) {
            # The first words of each paragraph, or of the first item of a list.
            $start = (($paragraph -replace '^(?:[-*]|\d+\.)\s+', '') -split ' ' | Select-Object -First 8) -join ' '
            $flat.Contains($start) | Should -BeTrue -Because "the notes of $Name should show '$start'"
        }
    }

    It 'has at least one example, each with code, and one that uses the cmdlet' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 1
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty -Because $example.title
        }
        # Later examples may work with what an earlier one returned, without calling the cmdlet again.
        @($examples | Where-Object code -Match ([regex]::Escape($Name))).Count | Should -BeGreaterOrEqual 1
    }

    It 'documents every parameter with a description and the parameter''s type' {
        foreach ($parameter in $Parameters) {
            $documented = $HelpParameters | Where-Object name -EQ $parameter.Name
            $documented | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) should be documented"
            (@($documented.description | ForEach-Object Text) -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) should be described"
            $documented.type.name | Should -Be (Get-TypeDisplayName $parameter.ParameterType) -Because "the type of -$($parameter.Name)"
        }
    }

    It 'documents whether each parameter is mandatory in at least one parameter set as the cmdlet declares it' {
        foreach ($parameter in $Parameters) {
            $mandatory = @($parameter.ParameterSets.Values | Where-Object IsMandatory).Count -gt 0
            $inSyntax = @($Help.syntax.syntaxItem | ForEach-Object { $_.parameter } | Where-Object name -EQ $parameter.Name)
            $inSyntax | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) should appear in the syntax"
            (@($inSyntax | Where-Object required -EQ 'true').Count -gt 0) | Should -Be $mandatory -Because "-$($parameter.Name) mandatory"
        }
    }

    It 'documents the positions and pipeline input the cmdlet declares' {
        foreach ($parameter in $Parameters) {
            $sets = @($parameter.ParameterSets.Values)
            $declared = @($sets | ForEach-Object { if ($_.Position -ge 0) { "$($_.Position)" } else { 'named' } } | Sort-Object -Unique)
            $inSyntax = @($Help.syntax.syntaxItem | ForEach-Object { $_.parameter } | Where-Object name -EQ $parameter.Name | ForEach-Object position | Sort-Object -Unique)
            $inSyntax | Should -Be $declared -Because "the positions of -$($parameter.Name)"

            $pipeline = ($HelpParameters | Where-Object name -EQ $parameter.Name).pipelineInput
            $byValue = @($sets | Where-Object ValueFromPipeline).Count -gt 0
            $byName = @($sets | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
            ($pipeline -match 'ByValue') | Should -Be $byValue -Because "-$($parameter.Name) pipeline input by value ($pipeline)"
            ($pipeline -match 'ByPropertyName') | Should -Be $byName -Because "-$($parameter.Name) pipeline input by property name ($pipeline)"
        }
    }

    It 'shows the syntax of every parameter set' {
        @($Help.syntax.syntaxItem).Count | Should -Be @($Command.ParameterSets).Count
    }

    It 'answers Get-Help -Examples' {
        $examples = Get-Help $Name -Examples
        @($examples.examples.example).Count | Should -Be @($Help.examples.example).Count
        ($examples | Out-String -Width 200) | Should -Match ([regex]::Escape(@($Help.examples.example)[0].title.Trim('- ')))
    }

    It 'answers Get-Help -Parameter for every parameter' {
        foreach ($parameter in $Parameters) {
            $answer = Get-Help $Name -Parameter $parameter.Name
            $answer.name | Should -Be $parameter.Name
            ($answer | Out-String) | Should -Match 'Required\?'
        }
    }

    It 'opens its own page online (-Online), and links the cmdlets and topics it relates to' {
        $page = [Librato.PowerShell.HelpLinks]::Pages + "$Name.md"
        $Command.HelpUri | Should -Be $page
        $links = @($Help.relatedLinks.navigationLink)
        $links[0].linkText | Should -Be 'Online Version:'
        $links[0].uri | Should -Be $page
        $links.Count | Should -BeGreaterThan 1
        foreach ($link in $links | Select-Object -Skip 1) {
            # A cmdlet or topic of the module is named alone, as PowerShell's own help does: Get-Help <name> opens it.
            $link.uri | Should -BeNullOrEmpty -Because 'a related link names a cmdlet or topic of the module'
            Join-Path $RepoRoot "docs/cmdlets/$($link.linkText).md" | Should -Exist
        }
    }

    It 'lists its inputs and outputs' {
        @($Help.inputTypes.inputType).Count | Should -BeGreaterOrEqual 1
        @($Help.returnValues.returnValue).Count | Should -BeGreaterOrEqual 1
    }
}

Describe 'The page <Page>' -ForEach $Pages {
    BeforeAll {
        $script:Title = ((Get-Content -LiteralPath $Path | Where-Object { $_ -match '^# ' } | Select-Object -First 1) -replace '^# ', '').Trim()
    }

    It 'is named after its cmdlet' {
        $Page | Should -Be "$Title.md"
    }

    It 'documents a cmdlet the module exports' {
        Get-Command -Module Librato -Name $Title -CommandType Cmdlet -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "$Title is documented"
    }

    It 'names only parameters the cmdlet has' {
        $command = Get-Command -Module Librato -Name $Title -CommandType Cmdlet -ErrorAction SilentlyContinue
        $documented = @(Get-DocumentedParameters $Path)
        # Guards against a page whose headings this parser cannot read: only a cmdlet without parameters has none.
        if (@($command.Parameters.Keys | Where-Object { $_ -notin $Common }).Count -gt 0) { $documented.Count | Should -BeGreaterThan 0 }
        foreach ($name in $documented) {
            $command.Parameters.Keys | Should -Contain $name -Because "$Page documents -$name"
        }
        @($documented | Group-Object | Where-Object Count -GT 1 | ForEach-Object Name) | Should -BeNullOrEmpty -Because 'each parameter has one section'
    }
}

Describe 'Help pages as a whole' {
    It 'has a page for every exported cmdlet' {
        $pages = Get-ChildItem (Join-Path $RepoRoot 'docs/cmdlets') -Filter '*.md' | ForEach-Object BaseName
        foreach ($name in (Get-Command -Module Librato -CommandType Cmdlet).Name) {
            $pages | Should -Contain $name
        }
    }

    It 'ships the MAML and about topic in the staged module' {
        Join-Path $ModulePath 'en-US/Librato.PowerShell.dll-Help.xml' | Should -Exist
        Join-Path $ModulePath 'en-US/about_Librato.help.txt' | Should -Exist
        $maml = [xml](Get-Content -Raw (Join-Path $ModulePath 'en-US/Librato.PowerShell.dll-Help.xml'))
        $namespaces = [System.Xml.XmlNamespaceManager]::new($maml.NameTable)
        $namespaces.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $names = @($maml.SelectNodes('/helpItems/command:command/command:details/command:name', $namespaces) | ForEach-Object InnerText)
        $names | Sort-Object | Should -Be @((Get-Command -Module Librato -CommandType Cmdlet).Name | Sort-Object)
    }

    It 'answers Get-Help about_Librato with the topic' {
        $topic = Get-Help about_Librato
        $topic | Should -Not -BeNullOrEmpty
        ($topic | Out-String) | Should -Match 'SHORT DESCRIPTION'
        ($topic | Out-String) | Should -Match 'Connect-Librato'
        ($topic | Out-String) | Should -Match 'emulator'
    }

    It 'covers each concept in its own section of about_Librato' {
        $headings = Get-Content (Join-Path $RepoRoot 'docs/cmdlets/about_Librato.md') | Where-Object { $_ -match '^### ' }
        foreach ($topic in 'Sessions', 'batching', 'Tags and sources', 'Queues', 'Aggregation', 'outbox', 'emulator') {
            @($headings | Where-Object { $_ -match [regex]::Escape($topic) }) | Should -Not -BeNullOrEmpty -Because "about_Librato should explain $topic"
        }
    }

    It 'names no cmdlet and no parameter that does not exist, in any example, syntax block or text of the docs' {
        $commands = @{}
        Get-Command -Module Librato | ForEach-Object { $commands[$_.Name] = $_ }
        $problems = [System.Collections.Generic.List[string]]::new()
        foreach ($file in Get-ChildItem (Join-Path $RepoRoot 'docs/cmdlets') -Filter '*.md') {
            $text = Get-Content -Raw -LiteralPath $file.FullName
            # Any Verb-Librato* word, anywhere.
            foreach ($match in [regex]::Matches($text, '\b[A-Z][a-z]+-Librato[A-Za-z]*\b')) {
                if (-not $commands.ContainsKey($match.Value)) { $problems.Add("$($file.Name): unknown command $($match.Value)") }
            }
            # Every parameter given to a module command in the code blocks, as PowerShell parses it.
            foreach ($block in [regex]::Matches($text, '(?ms)^```(?:powershell)?\r?\n(.*?)^```')) {
                $code = $block.Groups[1].Value -replace '(?m)^PS [^>]*> ', ''
                $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $null, [ref] $null)
                foreach ($call in $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)) {
                    $name = $call.GetCommandName()
                    if (-not $name -or -not $commands.ContainsKey($name)) { continue }
                    $command = $commands[$name]
                    foreach ($parameter in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                        $given = $parameter.ParameterName
                        $known = @($command.Parameters.Values | Where-Object { $_.Name -like "$given*" -or @($_.Aliases | Where-Object { $_ -like "$given*" }) })
                        if ($known.Count -eq 0) { $problems.Add("$($file.Name): $($command.Name) has no parameter -$given") }
                    }
                }
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'names every exported cmdlet in about_Librato' {
        $text = Get-Help about_Librato | Out-String
        foreach ($name in (Get-Command -Module Librato -CommandType Cmdlet).Name) {
            $text | Should -Match "\b$([regex]::Escape($name))\b" -Because "about_Librato should list $name"
        }
    }
}
