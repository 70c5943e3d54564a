global using Collaboration.Dialogues;
global using Collaboration.Errors;
global using Collaboration.Identity;
global using Collaboration.People;
global using ErrorCode = Collaboration.Errors.ErrorCode;
global using Collaboration.Meetings;
global using Collaboration.Notes;
global using Collaboration.Agenda;
global using Collaboration.Documents;
