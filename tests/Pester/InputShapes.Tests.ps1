# Send-LibratoMetric reads a custom object's properties from the object's own member table in one pass, and falls
# back to PowerShell's general member look-up (several times slower per object) only when the type table could add
# properties the own table does not have. These tests build objects of every shape users pipe, on the pinned
# PowerShell version, and fail when one of them leaves the fast path (a PowerShell release changing how it builds
# them, or a change to the reader).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $assembly = (Get-Command Send-LibratoMetric).ImplementingType.Assembly
    $script:ReaderType = $assembly.GetType('Librato.PowerShell.InputProperties', $true)
    $script:UseObject = $ReaderType.GetMethod('Use', [type[]]@([psobject]))
    $script:OwnTable = $ReaderType.GetProperty('ReadOwnTable', [Reflection.BindingFlags]'Instance, NonPublic')
    $script:Slot = $ReaderType.GetProperty('Item')

    function script:Read-Shape([object[]] $Objects) {
        # Reads each object as Send-LibratoMetric does (one reader for the whole pipeline); returns, per object,
        # whether the fast path read it and the Name, Value, Source and Time it read.
        $reader = [Activator]::CreateInstance($ReaderType)
        foreach ($o in $Objects) {
            $null = $UseObject.Invoke($reader, @(, [psobject]$o))
            [pscustomobject]@{
                Fast   = $OwnTable.GetValue($reader)
                Name   = "$($Slot.GetValue($reader, @(0)))"
                Value  = "$($Slot.GetValue($reader, @(1)))"
                Source = "$($Slot.GetValue($reader, @(2)))"
                Time   = "$($Slot.GetValue($reader, @(4)))"
            }
        }
    }

    function script:New-Plain([int] $Count = 3) {
        for ($i = 0; $i -lt $Count; $i++) { [pscustomobject]@{ Name = 'shape.m'; Value = $i + 0.5; Source = "s$i"; Time = 1796644800 + $i } }
    }
}

Describe 'The input reader takes the fast path for every shape users pipe' {
    It 'reads <Shape> objects from their own member table, with the right values' -ForEach @(
        @{ Shape = 'plain [pscustomobject]'; Build = { New-Plain } }
        @{ Shape = 'expression-valued [pscustomobject]'; Build = {
                $few = $true
                for ($i = 0; $i -lt 3; $i++) {
                    [pscustomobject]@{
                        Name = if ($few) { 'shape.m' } else { 'other' }; Value = if ($i -ge 0) { $i + 0.5 } else { 0 }
                        Source = switch ($few) { $true { "s$i" } default { 'x' } }; Time = if ($few) { 1796644800 + $i } else { 0 }
                    }
                }
            }
        }
        @{ Shape = 'Select-Object (calculated properties)'; Build = {
                New-Plain | Select-Object @{ n = 'Name'; e = { $_.Name } }, @{ n = 'Value'; e = { $_.Value } }, @{ n = 'Source'; e = { $_.Source } }, @{ n = 'Time'; e = { $_.Time } }
            }
        }
        @{ Shape = 'Select-Object (property names)'; Build = { New-Plain | Select-Object Name, Value, Source, Time } }
        @{ Shape = 'Import-Csv'; Build = {
                $csv = Join-Path $TestDrive 'shape.csv'
                New-Plain | Export-Csv -LiteralPath $csv -NoTypeInformation
                Import-Csv -LiteralPath $csv
            }
        }
        @{ Shape = 'ConvertFrom-Csv with a #TYPE line'; Build = { New-Plain | ConvertTo-Csv -IncludeTypeInformation | ConvertFrom-Csv } }
        @{ Shape = 'ConvertFrom-Json'; Build = { New-Plain | ConvertTo-Json | ConvertFrom-Json } }
        @{ Shape = 'Add-Member'; Build = { for ($i = 0; $i -lt 3; $i++) { [pscustomobject]@{ Name = 'shape.m' } | Add-Member -PassThru Value ($i + 0.5) | Add-Member -PassThru Source "s$i" | Add-Member -PassThru Time (1796644800 + $i) } } }
        @{ Shape = 'PSTypeName-named [pscustomobject]'; Build = { for ($i = 0; $i -lt 3; $i++) { [pscustomobject]@{ PSTypeName = 'Shape.Sample'; Name = 'shape.m'; Value = $i + 0.5; Source = "s$i"; Time = 1796644800 + $i } } } }
    ) {
        $read = @(Read-Shape @(& $Build))
        $read.Count | Should -Be 3
        $read.Fast | Should -Be @($true, $true, $true) -Because "$Shape objects must not take the general member look-up"
        $read.Name | Should -Be @('shape.m', 'shape.m', 'shape.m')
        $read.Value | Should -Be @('0.5', '1.5', '2.5')
        $read.Source | Should -Be @('s0', 's1', 's2')
        $read.Time | Should -Be @('1796644800', '1796644801', '1796644802')
    }

    It 'reads @{} hashtables by looking up their keys, in any case, with the right values' {
        $useTable = $ReaderType.GetMethod('Use', [type[]]@([System.Collections.IDictionary]))
        $byLookUp = $ReaderType.GetProperty('ReadByLookUp', [Reflection.BindingFlags]'Instance, NonPublic')
        $reader = [Activator]::CreateInstance($ReaderType)
        $read = foreach ($table in @{ Name = 'shape.m'; Value = 0.5; Source = 's0'; Time = 1796644800 }, @{ name = 'shape.m'; VALUE = 1.5; source = 's1'; TIME = 1796644801 }) {
            $null = $useTable.Invoke($reader, @(, [System.Collections.IDictionary]$table))
            [pscustomobject]@{ Fast = $byLookUp.GetValue($reader); Name = "$($Slot.GetValue($reader, @(0)))"; Value = "$($Slot.GetValue($reader, @(1)))"; Source = "$($Slot.GetValue($reader, @(2)))"; Time = "$($Slot.GetValue($reader, @(4)))" }
        }
        $read.Fast | Should -Be @($true, $true) -Because 'enumerating a hashtable costs an object per input'
        $read.Name | Should -Be @('shape.m', 'shape.m')
        $read.Value | Should -Be @('0.5', '1.5')
        $read.Source | Should -Be @('s0', 's1')
        $read.Time | Should -Be @('1796644800', '1796644801')
    }

    It 'takes the general look-up when the type table gives the type a property the object does not hold' {
        Update-TypeData -TypeName 'Shape.WithScriptValue' -MemberType ScriptProperty -MemberName Value -Value { 42 } -Force
        try {
            $objects = for ($i = 0; $i -lt 2; $i++) { [pscustomobject]@{ PSTypeName = 'Shape.WithScriptValue'; Name = 'shape.m'; Source = "s$i" } }
            $read = @(Read-Shape $objects)
            $read.Fast | Should -Be @($false, $false)
            $read.Value | Should -Be @('42', '42')
            $read.Source | Should -Be @('s0', 's1')
        }
        finally {
            Remove-TypeData -TypeName 'Shape.WithScriptValue'
        }
    }
}
