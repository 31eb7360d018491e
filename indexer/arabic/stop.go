package arabic

import "strings"

// StopWords is the stop word list, in normalized form (each entry equals its
// own Normalize), so that it catches every spelling the normalizer folds
// together: فِي, في and فى are all في by the time the list is checked.
//
// It is bleve's Arabic list (Jacques Savoy's, from Lucene) normalized, with
// its spelling variants merged, plus pronouns and particles it lacks and the
// question words: a question typed as a query (متى زار بوتين بكين) should
// not rank articles by the question word, which is rare in news text and
// would weigh more than the names.
var StopWords = strings.Fields(`
من ومن منها منه في وفي فيها فيه و ف ثم او ب بها به ا اي لا ولا الا لكن ولكن
ما وما كما فما مما عما عن مع اذا ان انها انه بان فان وان التي الذي الذين
اللذين اللتين اللواتي اللاتي الي علي عليها عليه اما ايضا كل وكل لم ولم لن
ولن هي هو وهي وهو فهي فهو هم هما هن نحن انا انت انتم لك لها له لهم هذه هذا
هذان هاتان هءلاء تلك ذلك اولءك هناك هنا كانت كان يكون تكون وكانت وكان غير
بعض قد وقد فقد لقد نحو بين بينما منذ ضمن حيث الان خلال بعد قبل حتي عند
عندما لدي جميع ماذا متي اين كيف هل لماذا كم ايه وماذا ولماذا ومتي وكيف
واين وهل
`)
