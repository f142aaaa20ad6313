# Setup of the examples of docs/cmdlets/Set-LibratoAnnotation.md.
@{
    1 = { New-ExampleAnnotations }
    # The examples below show no output: their entries show that they print nothing.
    2 = { New-ExampleAnnotations; Set-LibratoAnnotation deploys 3 -AddLink @{ rel = 'ci'; href = 'https://ci.example.com/builds/815' } }
    3 = { New-ExampleAnnotations }
}
