#Requires -Version 7.2
<#
.SYNOPSIS
    Turns PlatyPS-schema (2.0.0) cmdlet pages into a MAML help file, and an about_ page into a .help.txt topic.
.DESCRIPTION
    The build prefers PlatyPS's New-ExternalHelp; this converter produces the same MAML structure where PlatyPS is
    not installed, so the staged module always has help. It reads only the subset of markdown the pages use:
    headings, paragraphs, bullet lists, fenced code blocks, the yaml block under each parameter, and links.
.PARAMETER Path
    The cmdlet pages (Verb-Noun.md). about_*.md files are skipped here; pass them to -AboutPath.
.PARAMETER OutputPath
    The MAML file to write, such as out/Librato/en-US/Librato.PowerShell.dll-Help.xml.
.PARAMETER AboutPath
    about_*.md pages to convert to <name>.help.txt in AboutOutputDirectory.
#>
[CmdletBinding()]
param(
    [string[]] $Path = @(),
    [string] $OutputPath,
    [string[]] $AboutPath = @(),
    [string] $AboutOutputDirectory
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Split-Sections {
    # Splits lines into (heading, lines) pairs at headings of the given level, ignoring headings inside code fences.
    param([string[]] $Lines, [int] $Level)
    $marker = ('#' * $Level) + ' '
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = $null
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($marker)) {
            $current = [pscustomobject]@{ Heading = $line.Substring($marker.Length).Trim(); Lines = [System.Collections.Generic.List[string]]::new() }
            $sections.Add($current)
        }
        elseif ($null -ne $current) {
            $current.Lines.Add($line)
        }
    }
    $sections
}

function Get-Blocks {
    # Splits markdown lines into blocks: @{ Kind = 'code' | 'para' | 'item'; Text; Language }.
    param([string[]] $Lines)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    $kind = $null
    $fence = $null
    $flush = {
        if ($buffer.Count -gt 0) {
            $joined = if ($kind -eq 'code') { $buffer -join "`n" } else { ($buffer | ForEach-Object Trim) -join ' ' }
            $blocks.Add([pscustomobject]@{ Kind = $kind; Text = $joined; Language = $fence })
        }
        $buffer.Clear()
    }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($inFence) {
            if ($line -match '^\s*```\s*$') { . $flush; $inFence = $false; $kind = $null; $fence = $null }
            else { $buffer.Add($line) }
            continue
        }
        if ($line -match '^\s*```\s*(\S*)') {
            . $flush
            $inFence = $true; $kind = 'code'; $fence = $Matches[1]
            continue
        }
        if ($line -match '^\s*$') { . $flush; $kind = $null; continue }
        if ($line -match '^\s*(?:[-*]|\d+\.)\s+(.*)$') {
            . $flush
            $kind = 'item'
            $buffer.Add($line.Trim())
            continue
        }
        if ($null -eq $kind) { $kind = 'para' }
        $buffer.Add($line)
    }
    . $flush
    $blocks
}

function ConvertTo-PlainText {
    # Removes inline markdown that reads badly in a console: bold, code spans and link targets.
    param([string] $Text)
    $Text = $Text -replace '\*\*([^*]+)\*\*', '$1'
    $Text = $Text -replace '`([^`]+)`', '$1'
    $Text = $Text -replace '\[([^\]]+)\]\([^)]*\)', '$1'
    $Text.Trim()
}

function Get-Paragraphs {
    param([string[]] $Lines)
    foreach ($block in Get-Blocks $Lines) {
        if ($block.Kind -eq 'code') { $block.Text } else { ConvertTo-PlainText $block.Text }
    }
}

function Read-YamlBlock {
    param([string] $Text)
    $values = @{}
    foreach ($line in $Text -split "`n") {
        if ($line -match '^([A-Za-z ]+):\s*(.*)$') { $values[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    $values
}

function Read-CmdletPage {
    param([string] $File)
    $lines = Get-Content -LiteralPath $File
    # Front matter; its online version becomes the first related link, as PlatyPS writes it, which Get-Help -Online opens.
    $online = $null
    if ($lines.Count -gt 0 -and $lines[0] -eq '---') {
        $end = [Array]::IndexOf($lines, '---', 1)
        $online = $lines[1..($end - 1)] | Where-Object { $_ -match '^online version:\s*(\S+)' } | ForEach-Object { $Matches[1] } | Select-Object -First 1
        $lines = $lines[($end + 1)..($lines.Count - 1)]
    }
    $title = ($lines | Where-Object { $_ -match '^# ' } | Select-Object -First 1)
    if (-not $title) { throw "'$File' has no '# Verb-Noun' title." }
    $name = $title.Substring(2).Trim()
    $sections = @{}
    foreach ($s in Split-Sections $lines 2) { $sections[$s.Heading] = $s.Lines.ToArray() }
    foreach ($required in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS') {
        if (-not $sections.ContainsKey($required)) { throw "'$File' has no '## $required' section." }
    }

    $syntax = foreach ($set in Split-Sections $sections['SYNTAX'] 3) {
        $code = (Get-Blocks $set.Lines | Where-Object Kind -EQ 'code' | Select-Object -First 1).Text
        [pscustomobject]@{
            Name       = ($set.Heading -replace '\s*\(Default\)\s*$', '')
            Parameters = @([regex]::Matches($code, '(?<![\w-])-(\w+)') | ForEach-Object { $_.Groups[1].Value } | Select-Object -Unique)
        }
    }

    $parameters = foreach ($p in Split-Sections $sections['PARAMETERS'] 3) {
        if ($p.Heading -notmatch '^-(\w+)$') { continue }
        $blocks = @(Get-Blocks $p.Lines)
        $yaml = @($blocks | Where-Object { $_.Kind -eq 'code' -and $_.Language -eq 'yaml' } | ForEach-Object { Read-YamlBlock $_.Text })
        if ($yaml.Count -eq 0) { throw "'$File': the parameter -$($Matches[1]) has no yaml block." }
        [pscustomobject]@{
            Name        = $Matches[1]
            Description = @($blocks | Where-Object { $_.Language -ne 'yaml' } | ForEach-Object { if ($_.Kind -eq 'code') { $_.Text } else { ConvertTo-PlainText $_.Text } })
            Attributes  = $yaml
        }
    }

    $examples = foreach ($e in Split-Sections $sections['EXAMPLES'] 3) {
        $blocks = @(Get-Blocks $e.Lines)
        [pscustomobject]@{
            Title   = $e.Heading
            Code    = (@($blocks | Where-Object Kind -EQ 'code' | ForEach-Object Text) -join "`n`n")
            Remarks = @($blocks | Where-Object Kind -NE 'code' | ForEach-Object { ConvertTo-PlainText $_.Text })
        }
    }

    $typed = {
        param($sectionName)
        if (-not $sections.ContainsKey($sectionName)) { return }
        foreach ($t in Split-Sections $sections[$sectionName] 3) {
            [pscustomobject]@{ Type = $t.Heading; Description = @(Get-Paragraphs $t.Lines) }
        }
    }

    $links = @(if ($online) { [pscustomobject]@{ Text = 'Online Version:'; Uri = $online } }) + @(if ($sections.ContainsKey('RELATED LINKS')) {
        foreach ($m in [regex]::Matches(($sections['RELATED LINKS'] -join "`n"), '\[([^\]]+)\]\(([^)]*)\)')) {
            [pscustomobject]@{ Text = $m.Groups[1].Value; Uri = $m.Groups[2].Value }
        }
    })

    [pscustomobject]@{
        Name        = $name
        Synopsis    = (@(Get-Paragraphs $sections['SYNOPSIS']) -join ' ')
        Description = @(Get-Paragraphs $sections['DESCRIPTION'])
        Syntax      = @($syntax)
        Parameters  = @($parameters)
        Examples    = @($examples)
        Inputs      = @(& $typed 'INPUTS')
        Outputs     = @(& $typed 'OUTPUTS')
        Notes       = @(if ($sections.ContainsKey('NOTES')) { Get-Paragraphs $sections['NOTES'] })
        Links       = @($links)
    }
}

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Write-Paras {
    param([System.Xml.XmlWriter] $W, [string[]] $Paragraphs)
    foreach ($para in $Paragraphs) {
        $W.WriteElementString('maml', 'para', $ns.maml, $para)
    }
}

function Write-Description {
    param([System.Xml.XmlWriter] $W, [string[]] $Paragraphs)
    $W.WriteStartElement('maml', 'description', $ns.maml)
    Write-Paras $W $Paragraphs
    $W.WriteEndElement()
}

function Get-AttributesForSet {
    # A parameter can carry several yaml blocks when its position or requiredness differs between sets.
    param($Parameter, [string] $SetName)
    $match = $Parameter.Attributes | Where-Object {
        $sets = @($_['Parameter Sets'] -split ',' | ForEach-Object Trim)
        $sets -contains '(All)' -or $sets -contains $SetName
    } | Select-Object -First 1
    if ($match) { $match } else { $Parameter.Attributes[0] }
}

function Get-Required {
    # "True", "False", or a per-set form such as "False (Range), True (Id)".
    param([string] $Value, [string] $SetName)
    if ($SetName -and $Value -match '\(') {
        foreach ($part in $Value -split ',') {
            if ($part -match '^\s*(True|False)\s*\(([^)]*)\)') {
                if (@($Matches[2] -split '\s+' | Where-Object { $_ }) -contains $SetName) { return $Matches[1].ToLowerInvariant() }
            }
        }
    }
    if ($Value -match '^\s*True') { 'true' } else { 'false' }
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $W, $Parameter, [hashtable] $Attributes, [string] $SetName)
    $type = $Attributes['Type']
    $position = if ($Attributes['Position'] -match '^\d+$') { $Attributes['Position'] } else { 'named' }
    $aliases = if ($Attributes['Aliases']) { $Attributes['Aliases'] } else { 'none' }
    $W.WriteStartElement('command', 'parameter', $ns.command)
    $W.WriteAttributeString('required', (Get-Required $Attributes['Required'] $SetName))
    $W.WriteAttributeString('variableLength', 'true')
    $W.WriteAttributeString('globbing', $Attributes['Accept wildcard characters'].ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', $Attributes['Accept pipeline input'])
    $W.WriteAttributeString('position', $position)
    $W.WriteAttributeString('aliases', $aliases)
    $W.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    Write-Description $W $Parameter.Description
    if ($Attributes['Accepted values']) {
        $W.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($v in $Attributes['Accepted values'] -split ',') {
            $W.WriteStartElement('command', 'parameterValue', $ns.command)
            $W.WriteAttributeString('required', 'false')
            $W.WriteAttributeString('variableLength', 'false')
            $W.WriteString($v.Trim())
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    if ($type -ne 'System.Management.Automation.SwitchParameter') {
        $W.WriteStartElement('command', 'parameterValue', $ns.command)
        $W.WriteAttributeString('required', 'true')
        $W.WriteAttributeString('variableLength', 'false')
        # The syntax shows the short name (<String>, <PSCredential>), as PowerShell's own help does; the full name stays
        # in the parameter's type below.
        $W.WriteString(($type -replace '(?:[A-Za-z_]\w*\.)+', ''))
        $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $ns.dev)
    $W.WriteElementString('maml', 'name', $ns.maml, $type)
    $W.WriteElementString('maml', 'uri', $ns.maml, '')
    $W.WriteEndElement()
    $W.WriteElementString('dev', 'defaultValue', $ns.dev, $(if ($Attributes['Default value']) { $Attributes['Default value'] } else { 'None' }))
    $W.WriteEndElement()
}

function Write-TypeList {
    param([System.Xml.XmlWriter] $W, [string] $ListName, [string] $ItemName, $Items)
    $W.WriteStartElement('command', $ListName, $ns.command)
    foreach ($item in $Items) {
        $W.WriteStartElement('command', $ItemName, $ns.command)
        $W.WriteStartElement('dev', 'type', $ns.dev)
        $W.WriteElementString('maml', 'name', $ns.maml, $item.Type)
        $W.WriteEndElement()
        Write-Description $W $item.Description
        $W.WriteEndElement()
    }
    $W.WriteEndElement()
}

function Write-Command {
    param([System.Xml.XmlWriter] $W, $Page)
    $verb, $noun = $Page.Name -split '-', 2
    $W.WriteStartElement('command', 'command', $ns.command)

    $W.WriteStartElement('command', 'details', $ns.command)
    $W.WriteElementString('command', 'name', $ns.command, $Page.Name)
    $W.WriteElementString('command', 'verb', $ns.command, $verb)
    $W.WriteElementString('command', 'noun', $ns.command, $noun)
    Write-Description $W @($Page.Synopsis)
    $W.WriteEndElement()

    Write-Description $W $Page.Description

    $byName = @{}
    foreach ($p in $Page.Parameters) { $byName[$p.Name] = $p }
    $W.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $Page.Syntax) {
        $W.WriteStartElement('command', 'syntaxItem', $ns.command)
        $W.WriteElementString('maml', 'name', $ns.maml, $Page.Name)
        foreach ($name in $set.Parameters) {
            # CommonParameters and undocumented names stay out of the syntax, as PlatyPS leaves them out.
            if (-not $byName.ContainsKey($name)) { continue }
            $p = $byName[$name]
            Write-Parameter $W $p (Get-AttributesForSet $p $set.Name) $set.Name
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($p in $Page.Parameters) {
        Write-Parameter $W $p $p.Attributes[0] $null
    }
    $W.WriteEndElement()

    Write-TypeList $W 'inputTypes' 'inputType' $Page.Inputs
    Write-TypeList $W 'returnValues' 'returnValue' $Page.Outputs

    $W.WriteStartElement('maml', 'alertSet', $ns.maml)
    $W.WriteStartElement('maml', 'alert', $ns.maml)
    Write-Paras $W $Page.Notes
    $W.WriteEndElement()
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $ns.command)
    foreach ($e in $Page.Examples) {
        $W.WriteStartElement('command', 'example', $ns.command)
        $W.WriteElementString('maml', 'title', $ns.maml, "-------------------------- $($e.Title) --------------------------")
        $W.WriteElementString('dev', 'code', $ns.dev, $e.Code)
        $W.WriteStartElement('dev', 'remarks', $ns.dev)
        Write-Paras $W $e.Remarks
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Page.Links) {
        $W.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $W.WriteElementString('maml', 'linkText', $ns.maml, $link.Text)
        # Only the online version needs its address in the console (-Online opens it); another cmdlet or topic of this
        # module is named alone, as PowerShell's own help does, since Get-Help <name> opens it and a long URL wraps.
        $W.WriteElementString('maml', 'uri', $ns.maml, $(if ($link.Text -eq 'Online Version:' -or $link.Uri -notlike '*/docs/cmdlets/*.md') { $link.Uri } else { '' }))
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

function ConvertTo-AboutText {
    # Renders an about_ page in the plain-text layout of PowerShell's own about topics.
    param([string] $File)
    $lines = Get-Content -LiteralPath $File
    $name = ($lines | Where-Object { $_ -match '^# ' } | Select-Object -First 1).Substring(2).Trim()
    $out = [System.Text.StringBuilder]::new()
    [void]$out.AppendLine('TOPIC').AppendLine("    $($name.ToLowerInvariant())").AppendLine()
    foreach ($section in Split-Sections $lines 2) {
        if ($section.Heading -eq $name) { continue }
        [void]$out.AppendLine($section.Heading.ToUpperInvariant())
        $chunks = [System.Collections.Generic.List[object]]::new()
        $sub = [System.Collections.Generic.List[string]]::new()
        foreach ($line in $section.Lines) {
            if ($line -match '^### (.*)$' -and $sub -notcontains '```') {
                if ($sub.Count) { $chunks.Add(@{ Heading = $null; Lines = $sub.ToArray() }); $sub.Clear() }
                $chunks.Add(@{ Heading = $Matches[1].Trim(); Lines = @() })
            }
            else { $sub.Add($line) }
        }
        if ($sub.Count) { $chunks.Add(@{ Heading = $null; Lines = $sub.ToArray() }) }
        foreach ($chunk in $chunks) {
            if ($chunk.Heading) { [void]$out.AppendLine("  $($chunk.Heading)"); continue }
            foreach ($block in Get-Blocks $chunk.Lines) {
                if ($block.Kind -eq 'code') {
                    foreach ($codeLine in $block.Text -split "`n") { [void]$out.AppendLine("        $codeLine".TrimEnd()) }
                }
                else {
                    $indent = '    '
                    $hanging = if ($block.Kind -eq 'item') { '      ' } else { $indent }
                    $text = ConvertTo-PlainText $block.Text
                    $first = $true
                    $current = ''
                    foreach ($word in $text -split '\s+') {
                        if ($current.Length -and ($current.Length + 1 + $word.Length) -gt 76) {
                            [void]$out.AppendLine(($(if ($first) { $indent } else { $hanging }) + $current))
                            $first = $false; $current = $word
                        }
                        else { $current = if ($current.Length) { "$current $word" } else { $word } }
                    }
                    if ($current.Length) { [void]$out.AppendLine(($(if ($first) { $indent } else { $hanging }) + $current)) }
                }
                [void]$out.AppendLine()
            }
        }
    }
    $out.ToString().TrimEnd() + [Environment]::NewLine
}

if ($Path.Count) {
    if (-not $OutputPath) { throw 'OutputPath is required with Path.' }
    $pages = @($Path | Where-Object { (Split-Path -Leaf $_) -notlike 'about_*' } | Sort-Object | ForEach-Object { Read-CmdletPage $_ })
    New-Item -ItemType Directory -Path (Split-Path -Parent $OutputPath) -Force | Out-Null
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') {
            $writer.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix])
        }
        foreach ($page in $pages) { Write-Command $writer $page }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
}

foreach ($file in $AboutPath) {
    if (-not $AboutOutputDirectory) { throw 'AboutOutputDirectory is required with AboutPath.' }
    New-Item -ItemType Directory -Path $AboutOutputDirectory -Force | Out-Null
    $target = Join-Path $AboutOutputDirectory (([IO.Path]::GetFileNameWithoutExtension($file)) + '.help.txt')
    Set-Content -LiteralPath $target -Value (ConvertTo-AboutText $file) -NoNewline -Encoding utf8NoBOM
}
