# Setup of the examples of docs/cmdlets/Get-LibratoSession.md.
@{
    1 = @{
        Setup    = { $null = Connect-Librato -Email demo@example.com -Token (ConvertTo-SecureString 'demo-token' -AsPlainText -Force) }
        Endpoint = 'http://127.0.0.1:8700'
    }
    3 = @{
        Setup     = { $null = Connect-Librato -Credential $credential -TimeoutSec 30 -DefaultTags @{ env = 'prod'; region = 'us-east' } }
        # A hashtable lists its entries in an order of its own, which changes from process to process.
        Normalize = @{ '(?<=DefaultTags +: \{).*(?=\})' = { ($_.Value -split ', (?=\[)' | Sort-Object) -join ', ' } }
    }
    5 = { Add-ExampleModulePath }
}
