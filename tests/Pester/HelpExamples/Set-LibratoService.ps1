# Setup of the examples of docs/cmdlets/Set-LibratoService.md.
@{
    1 = { New-ExampleServices }
    # The examples below show no output: their entries show that they print nothing.
    2 = { New-ExampleServices }
    3 = { New-ExampleServices; $env:PD_KEY = 'f6e5d4c3b2' }
}
