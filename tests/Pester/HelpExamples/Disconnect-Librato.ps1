# Setup of the examples of docs/cmdlets/Disconnect-Librato.md.
@{
    2 = @{ Errors = $true }
    3 = {
        $stagingCredential = Get-ExampleCredential 'staging@example.com'
        $productionCredential = Get-ExampleCredential 'ops@example.com'
    }
    4 = @{ Setup = { $token = ConvertTo-SecureString 'demo-token' -AsPlainText -Force }; Errors = $true }
}
