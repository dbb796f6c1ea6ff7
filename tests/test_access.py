from nmirf_app.core.access import Scope, may_see_recommendation, recommendation_scopes


def test_secretariat_sees_everything_even_with_a_focal_point_role():
	assert recommendation_scopes(["NMIRF Secretariat", "NMIRF Focal Point"]) == {Scope.ALL}


def test_focal_point_and_observer_roles_combine():
	assert recommendation_scopes(["NMIRF Focal Point", "NMIRF Observer"]) == {
		Scope.INSTITUTIONS,
		Scope.PUBLISHED,
	}


def test_users_without_nmirf_roles_are_left_to_role_permissions():
	assert recommendation_scopes(["Blogger", "Guest"]) is None


def test_focal_point_sees_only_recommendations_of_their_institutions():
	scopes = {Scope.INSTITUTIONS}
	assert may_see_recommendation(
		scopes, ["Ministry of Health"], ["Ministry of Health", "Ministry of Justice"], False
	)
	assert not may_see_recommendation(scopes, ["Ministry of Health"], ["Ministry of Justice"], True)
	assert not may_see_recommendation(scopes, [], ["Ministry of Justice"], False)


def test_observer_sees_only_published_recommendations():
	assert may_see_recommendation({Scope.PUBLISHED}, [], ["Ministry of Justice"], True)
	assert not may_see_recommendation({Scope.PUBLISHED}, [], ["Ministry of Justice"], False)
