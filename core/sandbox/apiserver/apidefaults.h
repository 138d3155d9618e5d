#pragma once

#include "core/sandbox/store/resourcetype.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace core::sandbox {

// The defaults kube-apiserver fills in when it decodes an object (pkg/apis/{apps,batch,core}/v1/
// defaults.go, plus what the Priority admission plugin and the Job and Service REST strategies
// add), so kubectl finds the fields it reads (`rollout status sts` needs
// spec.updateStrategy.type). Each touches only fields absent from the object. Pure functions:
// the router calls them on create and update; the service account token is not injected.

// Deployment, ReplicaSet, StatefulSet, Job (with their pod templates), Pod and Service; every
// other kind comes back unchanged. The Service's clusterIP and the Job's selector need server
// state and are separate (withClusterIp, withJobSelector).
QJsonObject withApiDefaults(const ResourceType &type, const QJsonObject &object);
// SetDefaults_PodSpec and SetDefaults_Container for a pod template's spec (no enableServiceLinks,
// priority or preemptionPolicy: those are the Pod's own).
QJsonObject withPodSpecDefaults(const QJsonObject &spec);

// The Job strategy's generated selector: spec.selector matches batch.kubernetes.io/controller-uid
// and the template gets controller-uid, batch.kubernetes.io/controller-uid, job-name and
// batch.kubernetes.io/job-name. Unchanged when spec.manualSelector is true or the job has no uid.
QJsonObject withJobSelector(const QJsonObject &job);

// The first free address of the service CIDR 10.96.0.0/12 after 10.96.0.1 (the `kubernetes`
// service's); empty when every address is taken.
QString nextClusterIp(const QSet<QString> &used);
// Sets spec.clusterIP and spec.clusterIPs when the service asks for none ("None" stays headless;
// ExternalName services get no address).
QJsonObject withClusterIp(const QJsonObject &service, const QString &ip);
// An update without spec.clusterIP/clusterIPs keeps the allocated ones, as the Service REST
// storage does.
QJsonObject withStoredClusterIp(const QJsonObject &service, const QJsonObject &stored);

} // namespace core::sandbox
