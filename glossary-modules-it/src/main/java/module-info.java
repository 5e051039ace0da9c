/** An application that embeds the glossary on the module path: it names the two library modules and nothing else. */
module io.azureglossary.example {
  requires io.azureglossary.store; // and, through it, io.azureglossary.core
}
