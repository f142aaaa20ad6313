# Setup of the examples of docs/cmdlets/Set-LibratoAnnotationStream.md.
@{
    1 = { New-ExampleAnnotations }
}
