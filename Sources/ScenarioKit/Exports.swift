/// Module authors import ScenarioKit alone: the shared vocabulary (bilingual text, catalogue
/// lookup, plan arithmetic, suggestions) comes with it.
@_exported import Vocabulary
