# Setup of the examples of docs/cmdlets/New-LibratoService.md.
@{
    1 = @{}
    2 = @{}
    3 = @{ Setup = { New-ExampleServices }; Errors = $true }
    4 = @{}
}
