@{
    RootModule           = 'Librato.PowerShell.dll'
    # The build stamps this from VersionPrefix in Directory.Build.props.
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = 'c10975a2-82b4-4aeb-b7c0-5e9aa7ed0f9e'
    Author               = 'Librato.PowerShell contributors'
    CompanyName          = 'Librato.PowerShell contributors'
    Copyright            = '(c) Librato.PowerShell contributors. All rights reserved.'
    Description          = 'Send, read and manage Librato Metrics from PowerShell: batched measurement pipelines, metrics, and a local Librato API emulator for tests and runbooks.'
    PowerShellVersion    = '5.1'
    # Loaded before the type data, which adapts the read-back objects of Librato.Api (see Librato.Types.ps1xml).
    RequiredAssemblies   = @('Librato.Api.dll')
    FormatsToProcess     = @('Librato.Format.ps1xml')
    TypesToProcess       = @('Librato.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-Librato'
        'Disconnect-Librato'
        'Get-LibratoSession'
        'Send-LibratoMetric'
        'Get-LibratoMetric'
        'Get-LibratoMeasurement'
        'Set-LibratoMetric'
        'Remove-LibratoMetric'
        'New-LibratoCompositeMetric'
        'ConvertTo-LibratoMetricName'
        'New-LibratoQueue'
        'Submit-LibratoQueue'
        'Use-LibratoQueue'
        'New-LibratoAggregator'
        'Send-LibratoOutbox'
        'Get-LibratoService'
        'New-LibratoService'
        'Set-LibratoService'
        'Remove-LibratoService'
        'Get-LibratoAlert'
        'New-LibratoAlert'
        'Set-LibratoAlert'
        'Enable-LibratoAlert'
        'Disable-LibratoAlert'
        'Clear-LibratoAlert'
        'Remove-LibratoAlert'
        'Get-LibratoAlertStatus'
        'Add-LibratoAlertService'
        'Remove-LibratoAlertService'
        'New-LibratoAlertCondition'
        'Get-LibratoAnnotationStream'
        'Set-LibratoAnnotationStream'
        'Remove-LibratoAnnotationStream'
        'Get-LibratoAnnotation'
        'New-LibratoAnnotation'
        'Set-LibratoAnnotation'
        'Remove-LibratoAnnotation'
        'Use-LibratoAnnotation'
        'Get-LibratoSpace'
        'New-LibratoSpace'
        'Set-LibratoSpace'
        'Remove-LibratoSpace'
        'Get-LibratoChart'
        'Add-LibratoChart'
        'Set-LibratoChart'
        'Remove-LibratoChart'
        'New-LibratoChartStream'
        'Add-LibratoChartStream'
        'Export-LibratoSpace'
        'Import-LibratoSpace'
        'Show-LibratoMetric'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Librato', 'Metrics', 'Monitoring', 'Telemetry', 'AppOptics', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri = 'https://github.com/librato-powershell/Librato.PowerShell'
        }
    }
}
